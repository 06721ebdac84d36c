/** The alarms' API handlers (shared/alarm-api.ts). */
import type { alarmMethods } from '../../../shared/alarm-api';
import type { ApiHandlers } from '../api/dispatch';
import type { AlarmService } from './alarm-service';

export function alarmHandlers(alarms: AlarmService): Pick<ApiHandlers, keyof typeof alarmMethods> {
  return {
    'alarm:list': (params) => ({
      alarms: alarms.log.list(params.limit),
      watchLists: alarms.watchLists(),
      open: alarms.log.unacknowledged(),
    }),
    'alarm:ack': (params) => alarms.ack(params.id, params.note),
    'alarm:watch': (params) => alarms.saveWatchList(params.watchList),
    'alarm:unwatch': (params) => (alarms.removeWatchList(params.id), {}),
  };
}
