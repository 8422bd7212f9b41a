// POST /stays/uploads: a CSV or XLSX sheet of guests becomes a batch (optionally a dry run).
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { batchAccepted } from '../../../../contracts/stays';
import { uploadFile } from '../../../lib/api-client';

export function useUploadStays() {
  return useMutation({
    mutationFn: ({ file, accommodationId, dryRun }: { file: File; accommodationId: string; dryRun: boolean }) =>
      uploadFile<z.infer<typeof batchAccepted>>(
        `/stays/uploads?accommodationId=${accommodationId}&dryRun=${dryRun ? 'true' : 'false'}`,
        file,
      ),
  });
}
