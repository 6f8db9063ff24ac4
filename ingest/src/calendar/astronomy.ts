/**
 * The two astronomical quantities a Chinese-style lunisolar calendar needs: the instant of
 * each new moon and the sun's ecliptic longitude. Both follow Jean Meeus, "Astronomical
 * Algorithms" (Willmann-Bell, 1998), in the truncated form Hồ Ngọc Đức published for the
 * Vietnamese calendar ("Thuật toán tính âm lịch", Hồ Ngọc Đức, 2004–2006): accurate to a few
 * minutes over 1800–2200, which is the precision the published Vietnamese tables use.
 */

const RADIANS = Math.PI / 180;
/** The JDN (with fraction) of the mean new moon of 1 January 1900, Meeus' k = 0. */
const NEW_MOON_EPOCH = 2415020.75933;
export const SYNODIC_MONTH = 29.530588853;

/** The k-th new moon after 1900-01-01 13:52 UTC, as a Julian date (days, UTC). */
export function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = NEW_MOON_EPOCH + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RADIANS);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RADIANS;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RADIANS;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RADIANS;
  const correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) + 0.0021 * Math.sin(2 * sunAnomaly)
    - 0.4068 * Math.sin(moonAnomaly) + 0.0161 * Math.sin(2 * moonAnomaly) - 0.0004 * Math.sin(3 * moonAnomaly)
    + 0.0104 * Math.sin(2 * latitude) - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
    - 0.0074 * Math.sin(sunAnomaly - moonAnomaly) + 0.0004 * Math.sin(2 * latitude + sunAnomaly)
    - 0.0004 * Math.sin(2 * latitude - sunAnomaly) - 0.0006 * Math.sin(2 * latitude + moonAnomaly)
    + 0.001 * Math.sin(2 * latitude - moonAnomaly) + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (terrestrial minus universal time), in days.
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The sun's apparent longitude at Julian date `jd`, in radians within [0, 2π). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RADIANS;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
    + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + centre) * RADIANS;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}
