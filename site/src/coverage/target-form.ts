import { CoverageTargetInput, type CoverageTarget } from '@disan/schemas';
import { Value } from 'typebox/value';
import { ApiRefusal, type ApiNotFoundError } from '../api/errors.ts';
import { refusalMessage, type FormErrors, type FormMessage, type PostedForm } from '../forms/form.ts';

/** The coverage target form as posted: text as typed, so a refused value is shown back unchanged. */
export interface TargetFormValues {
  id: string;
  nameVi: string;
  nameEn: string;
  /** Provinces one a line or comma-separated, as typed. */
  provinces: string;
  ethnicGroups: string[];
  categories: string[];
  percentage: string;
  deadline: string;
  public: boolean;
  basis: string;
  reportDue: string;
  minRecords: string;
  descriptionIn: string[];
  minImages: string;
  minAudioVisual: string;
  minDocuments: string;
}

/** The rule's counts: empty means "not asked". */
const COUNT_FIELDS = ['minRecords', 'minImages', 'minAudioVisual', 'minDocuments'] as const;

/** A new target's form: one record and a Vietnamese description, the least a plan asks. */
export const NEW_TARGET: TargetFormValues = {
  id: '', nameVi: '', nameEn: '', provinces: '', ethnicGroups: [], categories: [], percentage: '', deadline: '', public: false,
  basis: '', reportDue: '', minRecords: '1', descriptionIn: ['vi'], minImages: '', minAudioVisual: '', minDocuments: '',
};

const nameIn = (target: CoverageTarget, lang: string): string => target.name.find((name) => name.lang === lang)?.value ?? '';
const countText = (value: number | undefined): string => (value === undefined ? '' : String(value));

export const targetValues = (target: CoverageTarget): TargetFormValues => ({
  id: target.id,
  nameVi: nameIn(target, 'vi'),
  nameEn: nameIn(target, 'en'),
  provinces: target.scope.provinces.join('\n'),
  ethnicGroups: [...target.scope.ethnicGroups],
  categories: [...target.scope.categories],
  percentage: String(target.percentage),
  deadline: target.deadline,
  public: target.public,
  basis: target.basis ?? '',
  reportDue: target.reportDue ?? '',
  minRecords: countText(target.rule.minRecords),
  descriptionIn: [...(target.rule.descriptionIn ?? [])],
  minImages: countText(target.rule.minImages),
  minAudioVisual: countText(target.rule.minAudioVisual),
  minDocuments: countText(target.rule.minDocuments),
});

/** Checkboxes are sent only when ticked; the id comes from the page when a target is changed. */
export const postedTarget = (form: PostedForm): TargetFormValues => ({
  id: form.text('id'),
  nameVi: form.text('nameVi'),
  nameEn: form.text('nameEn'),
  provinces: form.text('provinces'),
  ethnicGroups: form.all('ethnicGroups'),
  categories: form.all('categories'),
  percentage: form.text('percentage'),
  deadline: form.text('deadline'),
  public: form.has('public'),
  basis: form.text('basis'),
  reportDue: form.text('reportDue'),
  minRecords: form.text('minRecords'),
  descriptionIn: form.all('descriptionIn'),
  minImages: form.text('minImages'),
  minAudioVisual: form.text('minAudioVisual'),
  minDocuments: form.text('minDocuments'),
});

/**
 * Provinces typed one a line or separated by commas, each once.
 * @example provinceList('Sóc Trăng, Trà Vinh\nSóc Trăng') // ['Sóc Trăng', 'Trà Vinh']
 */
export function provinceList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]/).map((name) => name.trim()).filter((name) => name !== ''))];
}

/** A number as the schema wants it, or the text as typed for the check to name its field. */
const numberOrText = (text: string): number | string => (/^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text);

/**
 * The body for the API, typed as the schema types it; an empty optional field is left out.
 * @example targetBody({ ...NEW_TARGET, percentage: '70' }).percentage // 70
 */
export function targetBody(values: TargetFormValues): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  for (const field of COUNT_FIELDS) if (values[field] !== '') rule[field] = numberOrText(values[field]);
  if (values.descriptionIn.length > 0) rule.descriptionIn = values.descriptionIn;
  return {
    id: values.id,
    name: [
      ...(values.nameVi === '' ? [] : [{ lang: 'vi', value: values.nameVi }]),
      ...(values.nameEn === '' ? [] : [{ lang: 'en', value: values.nameEn }]),
    ],
    scope: { provinces: provinceList(values.provinces), ethnicGroups: values.ethnicGroups, categories: values.categories },
    percentage: numberOrText(values.percentage),
    deadline: values.deadline,
    rule,
    public: values.public,
    ...(values.basis === '' ? {} : { basis: values.basis }),
    ...(values.reportDue === '' ? {} : { reportDue: values.reportDue }),
  };
}

/** What each field's problem means to the person; a choice among fixed options can only be wrong if tampered with. */
const FIELD_MESSAGES: Record<string, FormMessage> = {
  id: { id: 'coverage.error.id' },
  nameVi: { id: 'coverage.error.name' },
  nameEn: { id: 'form.invalid' },
  provinces: { id: 'coverage.error.provinces' },
  percentage: { id: 'coverage.error.percentage' },
  deadline: { id: 'coverage.error.deadline' },
  reportDue: { id: 'coverage.error.reportDue' },
  basis: { id: 'coverage.error.basis' },
  minRecords: { id: 'coverage.error.count' },
  minImages: { id: 'coverage.error.count' },
  minAudioVisual: { id: 'coverage.error.count' },
  minDocuments: { id: 'coverage.error.count' },
};

/**
 * The form's field for a place in the body, whichever way it is written: the schema's
 * `/scope/provinces/0` or the API's message's `scope.provinces[0]`.
 * @example fieldOf('rule.minImages') // 'minImages'
 * @example fieldOf('/name/1/value') // 'nameEn'
 */
export function fieldOf(path: string): string {
  const [first = '', second = ''] = path.replace(/\[(\d+)\]/g, '.$1').split(/[./]/).filter((part) => part !== '');
  if (first === 'name') return second === '1' ? 'nameEn' : 'nameVi';
  if (first === 'scope' || first === 'rule') return second === '' ? 'form' : second;
  return first === '' ? 'form' : first;
}

const errorsFor = (fields: Iterable<string>): FormErrors => {
  const errors: FormErrors = {};
  for (const field of fields) errors[field] = FIELD_MESSAGES[field] ?? { id: 'form.invalid' };
  return errors;
};

/** Fields that must not be empty: "required" says more than "malformed". */
const REQUIRED = ['id', 'nameVi', 'percentage', 'deadline'] as const;

/**
 * Every field the API would refuse, found at once with the very schema it checks the body
 * against (the API names only what it met first), so the form is fixed in one go.
 * @example Object.keys(targetErrors({ ...NEW_TARGET, id: 'Sóc Trăng', percentage: '170', deadline: '2025-12-31', nameVi: 'x' })) // ['id', 'percentage']
 */
export function targetErrors(values: TargetFormValues): FormErrors {
  const filled: TargetFormValues = { ...values, id: values.id || 'x', nameVi: values.nameVi || 'x', percentage: values.percentage || '1', deadline: values.deadline || '2000-01-01' };
  const errors = errorsFor(new Set([...Value.Errors(CoverageTargetInput, targetBody(filled))].map((error) => fieldOf(error.instancePath))));
  for (const field of REQUIRED) if (values[field] === '') errors[field] = { id: 'form.required' };
  return errors;
}

/**
 * The fields the API named in its refusal (its `fields`, or its message's `body field "rule.minImages"`): a 400
 * is shown beside those fields, a 409 (the id taken) beside the id, anything else above the form.
 */
export function apiTargetErrors(error: ApiRefusal | ApiNotFoundError): FormErrors {
  if (error instanceof ApiRefusal && error.status === 409) return { id: { id: 'coverage.taken' } };
  if (error instanceof ApiRefusal && error.status === 400) {
    const named = [
      ...error.fields.map((problem) => fieldOf(problem.path)),
      ...[...apiMessage(error).matchAll(/body field "([^"]+)"/g)].map((match) => fieldOf(match[1] ?? '')),
    ];
    if (named.length > 0) return errorsFor(named);
  }
  return { form: refusalMessage(error) };
}

/** The API's own message, kept as the refusal's cause (its answer's body). */
function apiMessage(error: ApiRefusal): string {
  if (typeof error.cause !== 'string') return '';
  try {
    const body = JSON.parse(error.cause) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : '';
  } catch {
    return '';
  }
}
