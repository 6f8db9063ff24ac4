import type { Translate } from '../i18n/translate.ts';
import type { MessageId } from '../i18n/vi.ts';
import type { EditorField } from './record-form.ts';

const LABELS: Record<EditorField, MessageId> = {
  kind: 'editor.kind',
  ethnicGroups: 'editor.ethnicGroups',
  title: 'editor.titleField',
  description: 'editor.descriptionField',
  subjects: 'editor.subjects',
  alternativeNames: 'editor.alternativeNames',
  agents: 'editor.agents',
  date: 'editor.date',
  recurrence: 'editor.recurrence',
  places: 'editor.places',
  languages: 'editor.languages',
  collections: 'editor.collections',
  rights: 'editor.rights',
  source: 'editor.source',
  access: 'editor.access',
  provenance: 'editor.section.provenance',
  library: 'review.field.library',
  entry: 'entryEditor.section',
  element: 'elementEditor.section',
  elements: 'elementEditor.links',
};

/** A record field's name in the editor's language (the conflict view's first column). */
export const fieldLabel = (field: EditorField, t: Translate): string => t(LABELS[field]);
