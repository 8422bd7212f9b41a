// Words for the codes the audit log stores: actions ("agency.create") and object types ("agency").
import { useTranslation } from 'react-i18next';
import { resources } from '../../../lib/i18n';

type ActionCode = keyof (typeof resources)['id']['audit']['actions'];
type ObjectCode = keyof (typeof resources)['id']['audit']['objects'];

export const knownActions = Object.keys(resources.id.audit.actions) as ActionCode[];
export const knownObjectTypes = Object.keys(resources.id.audit.objects) as ObjectCode[];

function isAction(code: string): code is ActionCode {
  return code in resources.id.audit.actions;
}
function isObject(code: string): code is ObjectCode {
  return code in resources.id.audit.objects;
}

export function useAuditLabels() {
  const { t } = useTranslation('audit');
  return {
    action: (code: string) => (isAction(code) ? t(`actions.${code}`) : code),
    objectType: (code: string | null) => (code ? (isObject(code) ? t(`objects.${code}`) : code) : ''),
    /** the person's name, or who acted when no person did */
    actor: (entry: { actorName: string | null; actorKind: string }) =>
      entry.actorName ?? (entry.actorKind === 'system' ? t('actorKind.system') : t('actorKind.anonymous')),
  };
}
