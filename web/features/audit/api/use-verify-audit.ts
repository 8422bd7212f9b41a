// GET /audit/verify: walks the whole hash chain. A button press, not a background query: it can take a while and
// it is recorded in the log.
import { useMutation } from '@tanstack/react-query';
import type { AuditVerificationResult } from '../../../../contracts/audit';
import { api } from '../../../lib/api-client';

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerificationResult>('/audit/verify') });
}
