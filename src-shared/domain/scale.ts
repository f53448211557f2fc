import { z } from 'zod';

/** What a scale shows right now; zero, motion, under, over and faults are states, never numbers. */
export const LIVE_SCALE_STATUSES = ['disconnected', 'stable', 'motion', 'zero', 'under', 'over', 'fault', 'needs-calibration', 'needs-rezero'] as const;

/**
 * The live scale as the bench shows it: the current display and the last settled weight. `settled`
 * carries a sequence number that grows with every new settlement, so a workflow can tell a fresh
 * weight from the one the previous box left behind (a settled weight is never carried over).
 */
export const LiveScaleSchema = z.strictObject({
  deviceId: z.string().min(1).max(64).nullable(),
  status: z.enum(LIVE_SCALE_STATUSES),
  /** Whole milligrams shown now; null for states without a number. */
  mg: z.number().int().nullable(),
  settled: z
    .strictObject({
      mg: z.number().int().min(1),
      seq: z.number().int().min(1),
      at: z.string().min(1).max(40),
    })
    .nullable(),
  simulated: z.boolean(),
});
export type LiveScale = z.infer<typeof LiveScaleSchema>;
