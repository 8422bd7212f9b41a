// GET /code-tables/{name}: reference data with Indonesian and English labels; it changes only with a release.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CodeTable, CodeTableItem, CodeTableName } from '../../../contracts/code-tables';
import { api } from '../api-client';

export function useCodeTable(name: CodeTableName) {
  return useQuery({
    queryKey: ['code-tables', name],
    queryFn: ({ signal }) => api.get<CodeTable>(`/code-tables/${name}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The label of a code in the current language; the code itself while the table loads or when it is unknown. */
export function useCodeLabel(name: CodeTableName) {
  const { data } = useCodeTable(name);
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const byCode = new Map<string, CodeTableItem>((data?.items ?? []).map((item) => [item.code, item]));
  return (code: string | null | undefined) => {
    if (!code) {
      return '';
    }
    return byCode.get(code)?.label[language] ?? code;
  };
}

/** Options for a Select, labelled in the current language. */
export function useCodeOptions(name: CodeTableName) {
  const { data, isPending } = useCodeTable(name);
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return {
    isPending,
    items: data?.items ?? [],
    options: (data?.items ?? []).map((item) => ({ value: item.code, label: item.label[language] })),
  };
}
