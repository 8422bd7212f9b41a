// What the officer types becomes the body the API takes, and the contract's problems land on the form's own fields.
import { describe, expect, it } from 'vitest';
import { personCreate } from '../../../../contracts/persons';
import {
  addressBody,
  documentBody,
  emptyAddress,
  emptyDocument,
  emptyIdentity,
  emptyPermit,
  emptySource,
  formSchema,
  type IdentityValues,
  identityBody,
  permitBody,
  sourceBody,
} from './form-values';

type Values = IdentityValues & {
  document: typeof emptyDocument;
  permit: typeof emptyPermit;
  address: typeof emptyAddress;
};

const schema = formSchema(
  (values: Values) => ({
    ...identityBody(values),
    document: documentBody(values.document),
    permit: permitBody(values.permit),
    address: addressBody(values.address),
  }),
  personCreate,
);

const blank: Values = { ...emptyIdentity, document: emptyDocument, permit: emptyPermit, address: emptyAddress };

function problemPaths(values: Values) {
  const result = schema.safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')).sort();
}

describe('register forms', () => {
  it('leave out the sections nobody filled in', () => {
    const result = schema.safeParse({ ...blank, surname: 'ZHANG', givenNames: 'WEI', nationality: 'CHN' });
    expect(result.success).toBe(true);
    expect(result.data?.document).toBeUndefined();
    expect(result.data?.permit).toBeUndefined();
    expect(result.data?.address).toBeUndefined();
  });

  it('read a birth date typed the Indonesian way', () => {
    const result = schema.safeParse({ ...blank, surname: 'ZHANG', nationality: 'CHN', birthDate: '12-03-1985' });
    expect(result.data?.birthDate).toBe('1985-03-12');
  });

  it('name the fields that are missing, by their place in the form', () => {
    expect(problemPaths(blank)).toEqual(['nationality', 'surname']);
    expect(
      problemPaths({
        ...blank,
        surname: 'ZHANG',
        nationality: 'CHN',
        permit: { ...emptyPermit, validUntil: '2027-01-31' },
        document: { ...emptyDocument, number: 'E12345678' },
        address: { ...emptyAddress, text: 'Mes PT Bukit Energi' },
      }),
    ).toEqual(['address.regionCode', 'document.number', 'permit.type']);
  });

  it('send an MRZ only when it passed its checks', () => {
    expect(documentBody({ ...emptyDocument, number: 'E1', issuingState: 'CHN' })?.mrz).toBeUndefined();
    expect(documentBody({ ...emptyDocument, mrz: 'P<CHN…' })?.mrz).toBe('P<CHN…');
  });

  it('send no source for "my agency" without a reference', () => {
    expect(sourceBody(emptySource)).toBeUndefined();
    expect(sourceBody({ kind: 'agency', agencyId: '', reference: 'B/123' })).toEqual({
      kind: 'agency',
      agencyId: undefined,
      reference: 'B/123',
    });
  });
});
