import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginAs, scanWithWedge, shots, stationForFile } from './harness';

/**
 * Issue #4, step 11: a packer sends an order to exceptions from the bench; the supervisor finds it
 * under Supervisor → Exceptions, with the reason and the note, and puts it back on the queue.
 */
const e2e = stationForFile({ args: ['--no-simulate'] });

describe('the exceptions list', () => {
  it('shows the supervisor an order a packer could not finish, and puts it back on the queue', async () => {
    const packer = await loginAs(e2e.browser, e2e.station, 'English', 'Ana Souza', '1111');
    await packer.getByTestId('tile-pack').click();
    await packer.getByTestId('pack-queue').waitFor();
    await scanWithWedge(packer, '#1001');
    await packer.getByTestId('pack-bench').waitFor();
    await packer.keyboard.press('F7');
    await packer.getByTestId('exception-dialog').waitFor();
    await packer.getByTestId('exception-dialog').getByRole('textbox').fill('Falta talla M en el estante');
    await packer.getByTestId('exception-dialog').getByRole('button', { name: 'Missing unit' }).click();
    await packer.locator('[data-testid=pack-bench][data-phase=exception]').waitFor();
    await packer.keyboard.press('Escape');
    await packer.getByTestId('home-screen').waitFor();
    await packer.getByTestId('logout').click();
    await packer.close();

    const supervisor = await loginAs(e2e.browser, e2e.station, 'Español', 'Marta Oliveira', '9999');
    await supervisor.getByTestId('tile-supervisor').click();
    await supervisor.getByTestId('exceptions-tab').waitFor();
    const row = supervisor.getByTestId('exception-#1001');
    await row.waitFor();
    expect(await row.innerText()).toContain('Falta una unidad');
    expect(await row.innerText()).toContain('Falta talla M en el estante');
    expect(await row.innerText()).toContain('Ana Souza');
    const text = await supervisor.getByTestId('exceptions-tab').innerText();
    for (const english of ['Missing unit', 'Back to the queue', 'Close', 'Orders packed', 'Reason']) expect(text).not.toContain(english);
    await supervisor.screenshot({ path: resolve(shots, 'exceptions-es.png') });

    await supervisor.getByTestId('exception-requeue-#1001').click();
    await supervisor.getByTestId('exceptions-notice').getByText('El pedido volvió a la cola de empaque.').waitFor();
    await supervisor.getByTestId('exceptions-none').waitFor();
    await supervisor.keyboard.press('Escape');
    await supervisor.getByTestId('home-screen').waitFor();
    await supervisor.getByTestId('tile-pack').click();
    await supervisor.getByTestId('pack-queue-table').getByText('#1001').waitFor();
    await supervisor.getByTestId('logout').click();
    await supervisor.close();
  });
});
