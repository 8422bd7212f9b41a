// Paste the machine-readable zone, see every check, then fill the form from it. The API reads the lines; this shows
// what it found: each field with its check digit (passed or failed), each issue in words with its line and column,
// and OCR's likely misreadings as suggestions the officer applies by hand. Nothing is changed without a click.
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconMinus, IconScan, IconWand, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrzField, MrzIssue, MrzParseResponse } from '../../../../contracts/mrz';
import { ErrorAlert } from '../../../components/error-alert';
import { useMrzReading, useReadMrz } from '../api/use-parse-mrz';
import { useMrzIssueText } from './mrz-issue-text';

/** Issues that point at one character (the others point at a line, or at nothing). */
const pointed = new Set<MrzIssue['code']>([
  'MRZ_CHARSET',
  'MRZ_CHECK_DIGIT',
  'MRZ_OCR_SUSPECT',
  'MRZ_INVALID_DATE',
  'MRZ_INVALID_FIELD',
  'MRZ_UNKNOWN_COUNTRY',
]);

const shownFields: MrzField[] = [
  'documentCode',
  'issuingState',
  'documentNumber',
  'surname',
  'givenNames',
  'nationality',
  'birthDate',
  'sex',
  'expiryDate',
  'personalNumber',
  'optionalData',
  'composite',
];

type Verdict = 'passed' | 'failed' | 'warning' | 'none';

function verdictOf(result: MrzParseResponse, field: MrzField): Verdict {
  const check = result.checks.find((c) => c.field === field);
  const issues = result.issues.filter((i) => i.field === field);
  if ((check && !check.valid) || issues.some((i) => i.severity === 'error')) {
    return 'failed';
  }
  if (issues.length > 0) {
    return 'warning';
  }
  return check ? 'passed' : 'none';
}

function fieldValue(result: MrzParseResponse, field: MrzField): string | null {
  if (field === 'composite' || !result.fields) {
    return null;
  }
  const value = result.fields[field];
  return typeof value === 'string' ? value : null;
}

/** The lines as read, with the characters that issues point at marked (red: error, yellow: warning). */
function MarkedLines({ result }: { result: MrzParseResponse }) {
  const marks = new Map<string, 'error' | 'warning'>();
  for (const issue of result.issues) {
    if (issue.line && issue.column && pointed.has(issue.code)) {
      const key = `${issue.line}:${issue.column}`;
      if (marks.get(key) !== 'error') {
        marks.set(key, issue.severity);
      }
    }
  }
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Box
        ff="monospace"
        fz={{ base: 12, sm: 14 }}
        style={{ whiteSpace: 'pre', lineHeight: 1.6, letterSpacing: '0.04em' }}
        data-testid="mrz-lines"
      >
        {result.lines.map((line, lineIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions, not records
          <div key={lineIndex}>
            {Array.from(line).map((ch, columnIndex) => {
              const mark = marks.get(`${lineIndex + 1}:${columnIndex + 1}`);
              return mark ? (
                <Box
                  component="mark"
                  // biome-ignore lint/suspicious/noArrayIndexKey: characters are positions
                  key={columnIndex}
                  bg={mark === 'error' ? 'red.2' : 'yellow.2'}
                  c="dark"
                  style={{ outline: `1px solid var(--mantine-color-${mark === 'error' ? 'red' : 'yellow'}-7)` }}
                >
                  {ch}
                </Box>
              ) : (
                ch
              );
            })}
          </div>
        ))}
      </Box>
    </ScrollArea>
  );
}

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('persons');
  const icon = {
    passed: <IconCheck size={16} color="var(--mantine-color-green-8)" />,
    failed: <IconX size={16} color="var(--mantine-color-red-8)" />,
    warning: <IconAlertTriangle size={16} color="var(--mantine-color-yellow-8)" />,
    none: <IconMinus size={16} color="var(--mantine-color-dimmed)" />,
  }[verdict];
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      <Text size="xs" c={verdict === 'none' ? 'dimmed' : undefined}>
        {t(`mrz.verdict.${verdict}`)}
      </Text>
    </Group>
  );
}

function MrzResult({ result, onSuggestion }: { result: MrzParseResponse; onSuggestion: (issue: MrzIssue) => void }) {
  const { t } = useTranslation('persons');
  const issueText = useMrzIssueText();
  const rows = shownFields.filter(
    (field) =>
      fieldValue(result, field) !== null ||
      result.checks.some((c) => c.field === field) ||
      result.issues.some((i) => i.field === field),
  );
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');

  return (
    <Stack gap="sm" data-testid="mrz-result" data-valid={result.valid}>
      <Group gap="xs">
        {result.format && (
          <Badge variant="light" tt="none">
            {t(`mrz.format.${result.format}`)}
          </Badge>
        )}
        <Badge
          color={result.valid ? 'green' : 'red'}
          variant={result.valid ? 'light' : 'filled'}
          leftSection={result.valid ? <IconCheck size={14} /> : <IconX size={14} />}
          tt="none"
          data-testid="mrz-valid"
        >
          {result.valid ? t('mrz.valid') : t('mrz.invalid', { count: errors.length })}
        </Badge>
      </Group>
      {result.lines.length > 0 && <MarkedLines result={result} />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={4} fz="sm" data-testid="mrz-checks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mrz.columns.field')}</Table.Th>
                <Table.Th>{t('mrz.columns.value')}</Table.Th>
                <Table.Th>{t('mrz.columns.check')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((field) => {
                const check = result.checks.find((c) => c.field === field);
                const verdict = verdictOf(result, field);
                return (
                  <Table.Tr key={field} data-testid={`mrz-check-${field}`} data-verdict={verdict}>
                    <Table.Td>{t(`mrz.field.${field}`)}</Table.Td>
                    <Table.Td ff="monospace">{fieldValue(result, field) ?? '—'}</Table.Td>
                    <Table.Td>
                      <VerdictIcon verdict={verdict} />
                      {check && !check.valid && (
                        <Text size="xs" c="red.8">
                          {check.expected === null
                            ? t('mrz.checkUncomputable', { found: check.found })
                            : t('mrz.checkFailed', { found: check.found, expected: check.expected })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {[...errors, ...warnings].length > 0 && (
        <Stack gap={6} data-testid="mrz-issues">
          {[...errors, ...warnings].map((issue, index) => (
            <Group
              // biome-ignore lint/suspicious/noArrayIndexKey: the parser's issues have no identity of their own
              key={index}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-testid="mrz-issue"
              data-code={issue.code}
            >
              {issue.severity === 'error' ? (
                <IconX size={16} color="var(--mantine-color-red-8)" style={{ flexShrink: 0, marginTop: 2 }} />
              ) : (
                <IconAlertTriangle
                  size={16}
                  color="var(--mantine-color-yellow-8)"
                  style={{ flexShrink: 0, marginTop: 2 }}
                />
              )}
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm">{issueText(issue, result.lines)}</Text>
                <Group gap="xs" mt={2}>
                  {issue.line && (
                    <Text size="xs" c="dimmed">
                      {issue.column && pointed.has(issue.code)
                        ? t('mrz.position', { line: issue.line, column: issue.column })
                        : t('mrz.line', { line: issue.line })}
                    </Text>
                  )}
                  {issue.suggestion && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconWand size={12} />}
                      onClick={() => onSuggestion(issue)}
                      data-testid="mrz-suggestion"
                    >
                      {t('mrz.applySuggestion', {
                        from: result.lines[issue.suggestion.line - 1]?.charAt(issue.suggestion.column - 1) ?? '',
                        to: issue.suggestion.replacement,
                      })}
                    </Button>
                  )}
                </Group>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The lines with one character replaced, as the suggestion says (positions count in the normalised lines). */
function applySuggestion(lines: string[], suggestion: NonNullable<MrzIssue['suggestion']>): string {
  return lines
    .map((line, index) =>
      index === suggestion.line - 1
        ? `${line.slice(0, suggestion.column - 1)}${suggestion.replacement}${line.slice(suggestion.column)}`
        : line,
    )
    .join('\n');
}

export function MrzReader({
  onApply,
  applied,
}: {
  /** fill the form from this reading */
  onApply: (result: MrzParseResponse) => void;
  /** the reading the form was last filled from */
  applied: MrzParseResponse | null;
}) {
  const { t } = useTranslation('persons');
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 350);
  const reading = useMrzReading(debounced);
  const readNow = useReadMrz();
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(null);
  const [unreadable, setUnreadable] = useState(false);
  const result = text.trim() === '' ? null : reading.data;

  const apply = async () => {
    setApplyError(null);
    setUnreadable(false);
    setApplying(true);
    try {
      const read = await readNow(text);
      if (read.fields) {
        onApply(read);
      } else {
        setUnreadable(true);
      }
    } catch (error) {
      setApplyError(error);
    } finally {
      setApplying(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" bg="var(--mantine-color-default-hover)">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconScan size={20} />
          <Text fw={600}>{t('mrz.title')}</Text>
        </Group>
        <Textarea
          label={t('mrz.label')}
          description={t('mrz.hint')}
          placeholder={'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10'}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={4}
          spellCheck={false}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          rightSection={reading.isFetching ? <Loader size={16} /> : null}
          data-testid="mrz-input"
        />
        <Group gap="xs">
          <Button
            onClick={() => void apply()}
            loading={applying}
            disabled={text.trim() === ''}
            leftSection={<IconScan size={16} />}
            data-testid="mrz-apply"
          >
            {t('mrz.apply')}
          </Button>
          {text && (
            <Tooltip label={t('mrz.clear')}>
              <ActionIcon variant="default" size="lg" onClick={() => setText('')} aria-label={t('mrz.clear')}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <ErrorAlert error={applyError ?? reading.error} />
        {unreadable && (
          <Alert color="red" icon={<IconX size={18} />} data-testid="mrz-unreadable">
            {t('mrz.cannotApply')}
          </Alert>
        )}
        {result && (
          <MrzResult
            result={result}
            onSuggestion={(issue) => {
              if (issue.suggestion) {
                setText(applySuggestion(result.lines, issue.suggestion));
              }
            }}
          />
        )}
        {applied && (
          <Alert
            color={applied.valid ? 'green' : 'orange'}
            icon={applied.valid ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />}
            data-testid="mrz-applied"
          >
            {applied.valid ? t('mrz.appliedValid') : t('mrz.appliedInvalid')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
