import type { BoxPreset } from '../../../src-shared/domain/pack';
import type { Queryable } from '../database';
import { sql } from '../sql';

interface Raw {
  code: string;
  name: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  tare_mg: number;
}

const toPreset = (r: Raw): BoxPreset => ({ code: r.code, name: r.name, lengthMm: r.length_mm, widthMm: r.width_mm, heightMm: r.height_mm, tareMg: r.tare_mg });

export async function listBoxes(db: Queryable): Promise<BoxPreset[]> {
  return (await db.all<Raw>(sql`SELECT code, name, length_mm, width_mm, height_mm, tare_mg FROM boxes WHERE active = 1 ORDER BY length_mm * width_mm * height_mm`)).map(toPreset);
}

export async function findBox(db: Queryable, code: string): Promise<BoxPreset | null> {
  const raw = await db.get<Raw>(sql`SELECT code, name, length_mm, width_mm, height_mm, tare_mg FROM boxes WHERE code = ${code} AND active = 1`);
  return raw ? toPreset(raw) : null;
}
