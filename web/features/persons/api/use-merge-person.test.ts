// A merge reads no person again while the merge dialog is open: every GET /persons/{id} is an audited view ("dilihat
// oleh") and the dialog's reads carry its purpose, so a refetch there would log a view nobody made. The queries are
// observed as the person page and the dialog observe them (QueryObserver is what useQuery subscribes with), and the
// merge runs through the hook's own mutation options.
import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { mergeCandidateKey, mergeCandidateQuery, mergeSearchQuery } from './use-merge-candidate';
import { mergePersonMutation } from './use-merge-person';
import { personQueryKey } from './use-person';

const PURPOSE = 'pemeriksaan sebelum penggabungan data';
const A = '0190c0de-0000-7000-8000-00000000000a';
const B = '0190c0de-0000-7000-8000-00000000000b';

const detail = (id: string, mergedInto: string | null = null) => ({ id, mergedInto }) as unknown as PersonDetail;

let requests: string[];
let client: QueryClient;
let unsubscribe: (() => void)[];

beforeEach(() => {
  requests = [];
  unsubscribe = [];
  // as the app's client (web/app/query-client.ts): no refetch on window focus
  client = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push(`${init.method} ${decodeURIComponent(url).replaceAll('+', ' ')}`);
      const path = new URL(url, 'http://pora.test').pathname;
      const merged = path.match(/^\/api\/v1\/persons\/([^/]+)\/merge$/);
      const body = merged
        ? detail((JSON.parse(String(init.body)) as { into: string }).into)
        : path === '/api/v1/persons'
          ? { items: [{ id: B }], total: 1 }
          : detail(path.split('/').pop() as string);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  for (const stop of unsubscribe) {
    stop();
  }
  client.clear();
  vi.unstubAllGlobals();
});

/** Subscribes like a mounted component and waits for the first answer. */
async function observe(observer: {
  subscribe(listener: () => void): () => void;
  getCurrentResult(): { isSuccess: boolean };
}) {
  unsubscribe.push(observer.subscribe(() => undefined));
  await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
}

/** The person page of A with its merge dialog open on B, after the officer searched for B. */
async function openDialog() {
  await observe(
    new QueryObserver(client, {
      queryKey: personQueryKey(A),
      queryFn: () => api.get<PersonDetail>(`/persons/${A}`),
      staleTime: 5 * 60_000,
    }),
  );
  await observe(new QueryObserver(client, mergeSearchQuery('chang wei')));
  await observe(new QueryObserver(client, mergeCandidateQuery(B, PURPOSE)));
  expect(requests).toEqual([
    `GET /api/v1/persons/${A}`,
    'GET /api/v1/persons?q=chang wei&limit=8',
    `GET /api/v1/persons/${B}?purpose=${PURPOSE}`,
  ]);
  requests.length = 0;
}

async function merge(sourceId: string, into: string) {
  await new MutationObserver(client, mergePersonMutation(client)).mutate({ sourceId, into, reason: 'orang yang sama' });
  // anything a refetch would have started has reached fetch by now
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('merging from the merge dialog', () => {
  it('keeping this record: sends only the merge, and the other record is read again only when opened again', async () => {
    await openDialog();
    await merge(B, A);
    expect(requests).toEqual([`POST /api/v1/persons/${B}/merge`]);
    expect(client.getQueryData(personQueryKey(A))).toEqual(detail(A));
    expect(client.getQueryState(mergeCandidateKey(B))?.isInvalidated).toBe(true);

    // The dialog closes; picking B in a new dialog is a new view, with the purpose, of what B is now.
    for (const stop of unsubscribe.splice(0)) {
      stop();
    }
    await observe(new QueryObserver(client, mergeCandidateQuery(B, PURPOSE)));
    expect(requests).toEqual([`POST /api/v1/persons/${B}/merge`, `GET /api/v1/persons/${B}?purpose=${PURPOSE}`]);
  });

  it('keeping the other record: the page being left is not read again either', async () => {
    await openDialog();
    await merge(A, B);
    expect(requests).toEqual([`POST /api/v1/persons/${A}/merge`]);
    expect(client.getQueryData(personQueryKey(B))).toEqual(detail(B));
    expect(client.getQueryState(personQueryKey(A))?.isInvalidated).toBe(true);
  });

  it('keeps the dialog’s read of a record apart from its page', async () => {
    await openDialog();
    // B's page (GET /persons/{id} without a purpose) is not served from the dialog's read, nor the other way round
    expect(client.getQueryData(personQueryKey(B))).toBeUndefined();
    expect(client.getQueryData(mergeCandidateKey(A))).toBeUndefined();
  });
});
