/** A small fetch client for the service under test, with the placeholder actor headers. */
import type { Actor } from '@orderflow/core';

/** A response: status, headers and the parsed JSON body. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  readonly body: any;
}

/** What a request sends besides its method and path. */
export interface Call {
  readonly actor?: Actor;
  /** JSON-encoded unless it is a string (sent as is, to test malformed bodies). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Calls `base + path` over real HTTP and parses the JSON answer. */
export const httpClient =
  (base: () => string) =>
  async (method: string, path: string, call: Call = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...call.headers };
    if (call.actor !== undefined) {
      headers['X-Actor-Id'] = call.actor.id;
      headers['X-Actor-Roles'] = call.actor.roles.join(',');
    }
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${base()}${path}`, {
      method,
      headers,
      ...(call.body === undefined
        ? {}
        : { body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : JSON.parse(text),
    };
  };

/** People of the tests, named by what they do (roles of the built-in definitions). */
export const people = {
  rm1: { id: 'rm-1', roles: ['salesRep'] },
  rm2: { id: 'rm-2', roles: ['salesRep'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  ops: { id: 'ops-1', roles: ['operations'] },
  /** Holds both the maker and the checker role of the entry stage. */
  makerChecker: { id: 'mk-1', roles: ['salesRep', 'operations'] },
} as const satisfies Record<string, Actor>;

/** The body of `POST /orders` on a built-in definition. */
export const openBody = (
  overrides: { orderId?: string; amount?: string; definition?: string } = {},
) => ({
  definition: overrides.definition ?? 'public-fund-purchase',
  ...(overrides.orderId === undefined ? {} : { orderId: overrides.orderId }),
  product: { code: 'F001', name: '稳健成长', riskLevel: 'R3' },
  investor: {
    id: 'inv-1',
    name: '张三',
    kind: 'individual',
    classification: 'ordinary',
    riskLevel: 'C3',
    lowestCategory: false,
    assessedAt: '2026-01-15',
    ownAccounts: ['6222-0001'],
  },
  amount: overrides.amount ?? '100000.00',
  channel: 'branch',
});
