/**
 * `orderflow explain`: which stages and approval steps a definition applies to one order,
 * and why — every FEEL condition with its value on that order.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type ConditionContext,
  currencyDigits,
  type Definition,
  formatDefinitionError,
  parseAmount,
} from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { OpenInput } from '../commands/OpenInput.js';
import { problemsOf } from '../commands/problemsOf.js';
import { assessSuitability } from '../guards/assessSuitability.js';
import type { OrderInvestor, OrderProduct } from '../machine/OrderContext.js';
import { planApproval } from '../machine/planApproval.js';
import type { CliIo } from './CliIo.js';
import { loadDefinitionArg } from './loadDefinitionArg.js';
import { startDefinitionCommand } from './startDefinitionCommand.js';

/** The help text of `orderflow explain`. */
export const EXPLAIN_USAGE = [
  'Usage: orderflow explain <file|builtin-id> --order <order.json> [--roles <role,...>]',
  '',
  'Shows which stages and approval steps apply to the order and why: each FEEL condition',
  'and decision-table row with its value, and the suitability match. The order file holds',
  'the input of engine.open (definition, product, investor, amount, channel).',
  '  --order  the order as JSON',
  '  --roles  roles of the acting person, for conditions that read actor.roles',
].join('\n');

/**
 * Runs `orderflow explain` on `args` (the words after `explain`) and returns the exit code.
 *
 * @example runExplain(['private-fund-subscription', '--order', 'order.json'], processIo)
 */
export function runExplain(args: string[], io: CliIo): number {
  const start = startDefinitionCommand('explain', EXPLAIN_USAGE, parse, args, io);
  if (start._tag === 'Exit') return start.code;
  const { parsed, source, fail } = start;
  const orderFile = parsed.values.order;
  if (orderFile === undefined) return fail('--order <order.json> is required');
  const loaded = loadDefinitionArg(source);
  if (E.isLeft(loaded)) {
    for (const error of loaded.left) io.err(formatDefinitionError(error));
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(orderFile, 'utf8'));
  } catch (error) {
    return fail(`${orderFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const input = OpenInput.decode(json);
  if (E.isLeft(input)) {
    for (const p of problemsOf(input.left))
      io.err(`${orderFile}: ${p.path || '(order)'}: ${p.message}`);
    return 1;
  }
  const definition = loaded.right;
  const amount = parseAmount(input.right.amount, definition.currency);
  if (E.isLeft(amount)) return fail(`${orderFile}: amount: ${amount.left.message}`);
  const roles = (parsed.values.roles ?? '').split(',').filter((r) => r !== '');
  for (const line of explainOrder(definition, input.right, amount.right, roles)) io.out(line);
  return 0;
}

/** The lines of an explanation: the order, its FEEL context, each stage and step with why. */
function explainOrder(
  definition: Definition,
  input: OpenInput,
  amountMinor: number,
  roles: readonly string[],
): string[] {
  const product: OrderProduct = {
    code: input.product.code,
    name: input.product.name,
    riskLevel: input.product.riskLevel,
    category: input.product.category ?? '',
  };
  const investor: OrderInvestor = {
    id: input.investor.id,
    name: input.investor.name,
    kind: input.investor.kind,
    classification: input.investor.classification,
    riskLevel: input.investor.riskLevel,
    lowestCategory: input.investor.lowestCategory,
    assessedAt: input.investor.assessedAt,
    ownAccounts: input.investor.ownAccounts,
    qualificationProof: input.investor.qualificationProof ?? null,
    financialAssetsMinor: null,
    averageIncomeMinor: null,
    netAssetsMinor: null,
  };
  const ctx: ConditionContext = {
    amount: amountMinor / 10 ** currencyDigits(definition.currency),
    currency: definition.currency,
    channel: input.channel,
    product: { ...product, kind: definition.productKind },
    investor: {
      kind: investor.kind,
      classification: investor.classification,
      riskLevel: investor.riskLevel,
      lowestCategory: investor.lowestCategory,
    },
    actor: { roles },
  };
  const lines = [
    `${definition.key} (${definition.name}) for an order of ${input.amount} ${definition.currency}`,
    `FEEL context: amount = ${ctx.amount}, currency = "${ctx.currency}", channel = "${ctx.channel}", product.riskLevel = "${product.riskLevel}", product.category = "${product.category}", investor.kind = "${investor.kind}", investor.classification = "${investor.classification}", investor.riskLevel = "${investor.riskLevel}", investor.lowestCategory = ${investor.lowestCategory}, actor.roles = [${roles.map((r) => `"${r}"`).join(', ')}]`,
    '',
    'Stages, in order:',
  ];
  definition.stages.forEach((stage, index) => {
    const head = `  ${index + 1}. ${stage.id} (${stage.kind})`;
    if (stage.kind === 'task' && stage.when !== undefined) {
      const condition = definition.conditions.get(stage.when);
      const value = condition === undefined ? undefined : condition.evaluate(ctx);
      const shown =
        value === undefined
          ? 'unknown'
          : E.isRight(value)
            ? String(value.right)
            : `error: ${value.left.message}`;
      lines.push(
        `${head}: ${shown === 'true' ? 'applies' : 'skipped'} — ${stage.when} is ${shown}`,
      );
      return;
    }
    if (stage.kind !== 'approval') {
      lines.push(`${head}: applies`);
      return;
    }
    lines.push(`${head}: on reject → ${stage.onReject}`);
    const { plan, facts } = planApproval(definition, stage, ctx);
    for (const entry of plan) {
      const group = entry.groupId === null ? '' : ` [parallel ${entry.groupId}]`;
      lines.push(
        `       ${entry.stepId}${group}: ${entry.required ? 'required' : 'skipped'} — ${entry.reason}`,
      );
    }
    if (facts.decision !== undefined)
      lines.push(`       decision table: ${JSON.stringify(facts.decision)}`);
  });
  const suitability = assessSuitability(definition, { product, investor });
  lines.push('');
  lines.push(
    `Suitability: ${suitability.result} — investor ${suitability.investorLevel} (${suitability.classification}${suitability.lowestCategory ? ', lowest category' : ''}), product ${suitability.productLevel}, highest matching level ${suitability.highestMatching ?? 'none'}${
      suitability.result === 'mismatch'
        ? '; the sale may go on only client-initiated, with the warning letter issued and the investor’s confirmation recorded'
        : suitability.result === 'blocked'
          ? '; no override'
          : ''
    }`,
  );
  const rules = definition.productRules;
  if (rules.qualifiedInvestor !== undefined) {
    const minimum = rules.qualifiedInvestor.minimumAmount;
    const text =
      typeof minimum === 'string'
        ? minimum
        : (minimum[product.category] ?? JSON.stringify(minimum));
    lines.push(`Qualified investor: required; minimum amount ${text} ${definition.currency}`);
  }
  if (rules.coolingOff !== undefined) {
    lines.push(
      `Cooling-off: ${rules.coolingOff.duration} from ${rules.coolingOff.startsAfter === 'signed' ? 'signing' : 'signing and payment'}`,
    );
  }
  if (rules.cutOff !== undefined) {
    lines.push(
      `Cut-off: ${rules.cutOff.time} ${rules.cutOff.timeZone}${rules.cutOff.cancellable === true ? ', cancellable before it' : ''}`,
    );
  }
  return lines;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      order: { type: 'string' },
      roles: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
}
