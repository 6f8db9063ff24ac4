// @thyrith/momentkh 2.5 ships JavaScript without declarations; the tests and the benchmark use
// it as the reference Khmer calendar. These describe what they call.
declare module '@thyrith/momentkh' {
  import type moment from 'moment';
  interface KhmerMoment extends moment.Moment {
    /** 0–29: 1 waxing … 15 waning. */
    khDay(): number;
    /** 0 Migasir … 11 Kadeuk, 12 Pathamasadh, 13 Tutiyasadh. */
    khMonth(): number;
    khYear(): number;
  }
  interface KhmerMomentStatic {
    (input: string, format: string): KhmerMoment;
    getKhNewYearMoment(year: number): moment.Moment;
  }
  function momentkh(m: typeof moment): KhmerMomentStatic;
  export = momentkh;
}
