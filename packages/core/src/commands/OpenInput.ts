/** The input of `engine.open`: which definition, the product, the investor, the amount. */
import * as t from 'io-ts';
import { AmountText } from './COMMAND_CODECS.js';

const Text = t.refinement(t.string, (s) => s.trim().length > 0, 'NonEmptyString');
const DateText = t.refinement(
  t.string,
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
  'IsoDate',
);

/** The investor as the firm's records describe them (amounts as decimal strings). */
export const OpenInvestor = t.exact(
  t.intersection([
    t.type({
      id: Text,
      name: Text,
      kind: t.keyof({ individual: null, entity: null }),
      classification: t.keyof({ ordinary: null, professional: null }),
      riskLevel: Text,
      lowestCategory: t.boolean,
      assessedAt: DateText,
      ownAccounts: t.array(Text),
    }),
    t.partial({
      qualificationProof: Text,
      financialAssets: AmountText,
      averageIncome: AmountText,
      netAssets: AmountText,
    }),
  ]),
);

/** The codec of `engine.open`'s input. The opener becomes the order's owner. */
export const OpenInput = t.exact(
  t.intersection([
    t.type({
      /** A definition id (its latest version) or `id@version`. */
      definition: Text,
      product: t.exact(
        t.intersection([
          t.type({ code: Text, name: Text, riskLevel: Text }),
          t.partial({ category: Text }),
        ]),
      ),
      investor: OpenInvestor,
      amount: AmountText,
      channel: Text,
    }),
    t.partial({ orderId: Text }),
  ]),
);
/** @see OpenInput */
export type OpenInput = t.OutputOf<typeof OpenInput>;
