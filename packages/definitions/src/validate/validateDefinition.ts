/** Semantic validation of a decoded definition: every rule, all problems at once. */
import type { DefinitionSource } from '../codecs/Definition.js';
import type { Condition } from '../Definition.js';
import { checkChains } from './checkChains.js';
import { checkConditions } from './checkConditions.js';
import { checkProductRules } from './checkProductRules.js';
import { checkReferences } from './checkReferences.js';
import { checkSegregation } from './checkSegregation.js';
import { checkStageOrder } from './checkStageOrder.js';
import type { Problem } from './Problem.js';

/** The problems of a decoded definition and its compiled conditions. */
export interface Validation {
  readonly problems: readonly Problem[];
  readonly conditions: ReadonlyMap<string, Condition>;
}

/** Runs every semantic rule on a decoded definition and compiles its FEEL conditions. */
export function validateDefinition(def: DefinitionSource): Validation {
  const { conditions, problems: feel } = checkConditions(def);
  return {
    conditions,
    problems: [
      ...checkReferences(def),
      ...checkChains(def),
      ...checkSegregation(def),
      ...checkStageOrder(def),
      ...checkProductRules(def),
      ...feel,
    ],
  };
}
