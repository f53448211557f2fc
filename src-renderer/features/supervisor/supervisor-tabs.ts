/**
 * The supervisor screen's tabs, in order. Each area adds its own line here (Sync, Store, Exceptions
 * come from their own features); the screen renders whatever this list holds. A tab's label is a
 * message key; its component is loaded with the screen.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/en';
import { DevicesTab } from '../devices/devices-tab';
import { ExceptionsTab } from '../exceptions/exceptions-tab';
import { StoreTab } from '../sync/store-tab';
import { SyncTab } from '../sync/sync-tab';

export interface SupervisorTab {
  /** Stable id: the tab's test id is `supervisor-tab-<id>`. */
  readonly id: string;
  readonly label: MessageKey;
  readonly Component: ComponentType;
}

export const SUPERVISOR_TABS: readonly SupervisorTab[] = [
  { id: 'exceptions', label: 'supervisor.tab.exceptions', Component: ExceptionsTab },
  { id: 'devices', label: 'supervisor.tab.devices', Component: DevicesTab },
  { id: 'sync', label: 'supervisor.tab.sync', Component: SyncTab },
  { id: 'store', label: 'supervisor.tab.store', Component: StoreTab },
];
