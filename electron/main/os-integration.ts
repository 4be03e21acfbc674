import { dialog, Notification, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { EventChannel, Events } from '../../shared/ipc/contract';

/**
 * What an import means to the operating system: the taskbar progress bar, no sleep while it runs,
 * a notification when it ends, and a question before the window closes on a running import.
 */
export function osIntegration(getWindow: () => BrowserWindow | null) {
  let blocker: number | null = null;

  return {
    confirmClose(window: BrowserWindow): boolean {
      const choice = dialog.showMessageBoxSync(window, {
        type: 'warning',
        buttons: ['Tiếp tục nhập / Keep importing', 'Đóng / Close'],
        defaultId: 0,
        cancelId: 0,
        message: 'Đang nhập dữ liệu. Nếu đóng, bạn có thể tiếp tục lần sau. / An import is running. If you close, you can resume it next time.',
      });
      return choice === 1;
    },
    onEvent<E extends EventChannel>(event: E, payload: Events[E]): void {
      const window = getWindow();
      if (event === 'import:progress') {
        const p = payload as Events['import:progress'];
        if (blocker === null && !p.final) blocker = powerSaveBlocker.start('prevent-app-suspension');
        const done = p.created + p.updated + p.skipped + p.failed;
        window?.setProgressBar(p.total > 0 ? done / p.total : 0, { mode: p.state === 'paused' ? 'paused' : 'normal' });
      }
      if (event === 'import:failed') {
        // Stopped without a result: no more progress will come, so the sleep blocker and taskbar bar go.
        if (blocker !== null) powerSaveBlocker.stop(blocker);
        blocker = null;
        window?.setProgressBar(-1);
      }
      if (event === 'import:done') {
        const r = payload as Events['import:done'];
        if (blocker !== null) powerSaveBlocker.stop(blocker);
        blocker = null;
        window?.setProgressBar(-1);
        if (Notification.isSupported()) {
          new Notification({
            title: 'OMI Importer',
            body: `Đã nhập xong: ${r.counts.created} tạo mới, ${r.counts.updated} cập nhật, ${r.counts.failed} lỗi.`,
          }).show();
        }
      }
    },
  };
}
