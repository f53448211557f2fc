/**
 * The real platforms' adapters, by name, as the station and `bancada sync` build them from the saved
 * settings and credentials. The embedded demo store is not here: the engine opens it itself.
 */
import type { AdapterFactories } from './sync-engine';

export const PLATFORM_FACTORIES: AdapterFactories = {};
