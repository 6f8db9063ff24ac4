import { CoverageTargetInput } from '@disan/schemas';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ApiRefusal } from '../api/errors.ts';
import { SOC_TRANG } from './report.fixture.ts';
import { apiTargetErrors, fieldOf, NEW_TARGET, postedTarget, provinceList, targetBody, targetErrors, targetValues, type TargetFormValues } from './target-form.ts';

const socTrang: TargetFormValues = {
  ...NEW_TARGET, id: 'soc-trang-2025', nameVi: 'Sóc Trăng: lễ hội và phong tục', provinces: 'Sóc Trăng', ethnicGroups: ['khmer', 'hoa'],
  categories: ['festival', 'custom'], percentage: '70', deadline: '2025-12-31', public: true, minImages: '2', minAudioVisual: '1', descriptionIn: ['vi', 'group'],
};

/** A posted form holding these fields (checkboxes repeat their name). */
const form = (fields: Record<string, string | string[]>) => ({
  text: (name: string) => ([fields[name] ?? ''].flat()[0] ?? '').trim(),
  raw: (name: string) => [fields[name] ?? ''].flat()[0] ?? '',
  all: (name: string) => [fields[name] ?? []].flat(),
  has: (name: string) => name in fields,
});

describe('the coverage target form', () => {
  it('makes the body the API takes, leaving out what was not asked', () => {
    const body = targetBody(socTrang);
    expect(Value.Check(CoverageTargetInput, body)).toBe(true);
    expect(body).toMatchObject({ percentage: 70, scope: { provinces: ['Sóc Trăng'] }, rule: { minRecords: 1, minImages: 2, minAudioVisual: 1, descriptionIn: ['vi', 'group'] } });
    expect(body).not.toHaveProperty('basis');
    expect(targetErrors(socTrang)).toEqual({});
  });

  it('reads provinces one a line or separated by commas, each once', () => {
    expect(provinceList('Sóc Trăng,  Trà Vinh\n\nSóc Trăng\r\nBạc Liêu')).toEqual(['Sóc Trăng', 'Trà Vinh', 'Bạc Liêu']);
  });

  it('reads the posted form, ticked boxes as lists', () => {
    const values = postedTarget(form({ id: ' soc-trang ', nameVi: 'Sóc Trăng', ethnicGroups: ['khmer', 'hoa'], public: 'on', descriptionIn: 'group' }));
    expect(values).toMatchObject({ id: 'soc-trang', ethnicGroups: ['khmer', 'hoa'], public: true, descriptionIn: ['group'], categories: [] });
  });

  it('shows a target back as it was written', () => {
    const values = targetValues(SOC_TRANG.target);
    expect(values).toMatchObject({ id: 'soc-trang-2025', nameEn: 'Sóc Trăng: Khmer and Hoa festivals and customs', percentage: '70', minImages: '2', minDocuments: '', reportDue: '12-05' });
    expect(targetBody(values)).toEqual((({ createdAt: _c, updatedAt: _u, ...input }) => input)(SOC_TRANG.target));
  });

  it('names every bad field at once', () => {
    const errors = targetErrors({ ...socTrang, id: 'Sóc Trăng', percentage: '170', deadline: '31/12/2025', reportDue: '5 Dec', minImages: '-2', minDocuments: 'two' });
    expect(Object.keys(errors).sort()).toEqual(['deadline', 'id', 'minDocuments', 'minImages', 'percentage', 'reportDue']);
    expect(errors.percentage).toEqual({ id: 'coverage.error.percentage' });
    expect(errors.minImages).toEqual({ id: 'coverage.error.count' });
  });

  it('says a required field is empty rather than malformed', () => {
    expect(targetErrors(NEW_TARGET)).toEqual({ id: { id: 'form.required' }, nameVi: { id: 'form.required' }, percentage: { id: 'form.required' }, deadline: { id: 'form.required' } });
  });

  it('puts the API\'s refusal beside the fields it names, and a taken id beside the id', () => {
    const refusal = (status: number, message: string) => new ApiRefusal('refused', status, { code: 'invalid' }, { cause: JSON.stringify({ error: { message } }) });
    expect(apiTargetErrors(refusal(400, 'body field "rule.minImages" must be >= 0; body field "scope.provinces[3]" must NOT have more than 200 characters'))).toEqual({ minImages: { id: 'coverage.error.count' }, provinces: { id: 'coverage.error.provinces' } });
    expect(apiTargetErrors(refusal(409, 'taken'))).toEqual({ id: { id: 'coverage.taken' } });
    expect(Object.keys(apiTargetErrors(refusal(400, 'something else')))).toEqual(['form']);
    expect(fieldOf('/name/1/value')).toBe('nameEn');
  });
});
