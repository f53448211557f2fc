import type { Handlers } from '../api/handlers';
import type { StationSettings } from './station-settings';

export function settingsHandlers(deps: { readonly settings: StationSettings; readonly onStationChanged: () => void }): Pick<Handlers, 'station:info' | 'settings:set-locale' | 'settings:set-idle-lock'> {
  const { settings, onStationChanged } = deps;
  return {
    'station:info': async () => settings.info(),
    'settings:set-locale': async (input, ctx) => {
      const info = await settings.setLocale(input.locale, ctx.session?.operator.id ?? null);
      onStationChanged();
      return info;
    },
    'settings:set-idle-lock': async (input, ctx) => {
      // access is ['supervisor'], so the dispatcher guarantees a session here.
      const info = await settings.setIdleLock(input.seconds, ctx.session!.operator.id);
      onStationChanged();
      return info;
    },
  };
}
