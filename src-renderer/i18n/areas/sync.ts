/**
 * Messages of sync (Sync and Store tabs, sync errors), in the three languages, merged into the
 * catalogues. Keys start with `sync.` or `error.sync.`; the catalogue test checks all three match.
 */
export const syncEn = {
  'error.sync.network': 'The store cannot be reached. Work carries on; it will be sent when the network is back.',
  'error.sync.throttled': 'The store asked us to slow down. Sending again shortly.',
  'error.sync.server-error': 'The store had a problem on its side. Sending again shortly.',
  'error.sync.auth-failed': 'The store refused the station’s credentials. A supervisor must check the store connection.',
  'error.sync.permission-denied': 'The store’s app lacks a permission Bancada needs. A supervisor must check the store connection.',
  'error.sync.malformed-response': 'The store sent an answer Bancada cannot read. Nothing was changed here.',
  'error.sync.rejected': 'The store refused this change. A supervisor must look at it.',
  'error.sync.not-found': 'The store no longer has this record. A supervisor must look at it.',
  'error.sync.not-configured': 'No store is connected to this station.',
  'error.sync.secret-missing': 'The store’s secret is missing on this station. Enter it again in the store settings.',
  'error.sync.secret-store-unavailable': 'This computer cannot keep the store’s secret safely. Ask for support.',
  'error.sync.unsupported-operation': 'This store does not support that operation.',
  'error.sync.row-not-actionable': 'That item is already being sent or is finished.',
} as const;

export const syncEs = {
  'error.sync.network': 'No se puede llegar a la tienda. El trabajo sigue; se enviará cuando vuelva la red.',
  'error.sync.throttled': 'La tienda pidió ir más despacio. Se enviará de nuevo en un momento.',
  'error.sync.server-error': 'La tienda tuvo un problema de su lado. Se enviará de nuevo en un momento.',
  'error.sync.auth-failed': 'La tienda rechazó las credenciales de la estación. Un supervisor debe revisar la conexión con la tienda.',
  'error.sync.permission-denied': 'A la app de la tienda le falta un permiso que Bancada necesita. Un supervisor debe revisar la conexión.',
  'error.sync.malformed-response': 'La tienda envió una respuesta que Bancada no entiende. Aquí no se cambió nada.',
  'error.sync.rejected': 'La tienda rechazó este cambio. Un supervisor debe revisarlo.',
  'error.sync.not-found': 'La tienda ya no tiene este registro. Un supervisor debe revisarlo.',
  'error.sync.not-configured': 'Esta estación no tiene ninguna tienda conectada.',
  'error.sync.secret-missing': 'Falta el secreto de la tienda en esta estación. Ingrésalo de nuevo en la configuración de la tienda.',
  'error.sync.secret-store-unavailable': 'Este equipo no puede guardar el secreto de la tienda de forma segura. Pide soporte.',
  'error.sync.unsupported-operation': 'Esta tienda no admite esa operación.',
  'error.sync.row-not-actionable': 'Eso ya se está enviando o ya terminó.',
} satisfies Record<keyof typeof syncEn, string>;

export const syncPtBR = {
  'error.sync.network': 'Não foi possível alcançar a loja. O trabalho continua; será enviado quando a rede voltar.',
  'error.sync.throttled': 'A loja pediu para ir mais devagar. Será enviado de novo em instantes.',
  'error.sync.server-error': 'A loja teve um problema do lado dela. Será enviado de novo em instantes.',
  'error.sync.auth-failed': 'A loja recusou as credenciais da estação. Um supervisor deve verificar a conexão com a loja.',
  'error.sync.permission-denied': 'Falta ao app da loja uma permissão de que o Bancada precisa. Um supervisor deve verificar a conexão.',
  'error.sync.malformed-response': 'A loja enviou uma resposta que o Bancada não entende. Nada foi alterado aqui.',
  'error.sync.rejected': 'A loja recusou esta alteração. Um supervisor deve verificar.',
  'error.sync.not-found': 'A loja não tem mais este registro. Um supervisor deve verificar.',
  'error.sync.not-configured': 'Nenhuma loja está conectada a esta estação.',
  'error.sync.secret-missing': 'O segredo da loja não está nesta estação. Digite-o de novo nas configurações da loja.',
  'error.sync.secret-store-unavailable': 'Este computador não consegue guardar o segredo da loja com segurança. Peça suporte.',
  'error.sync.unsupported-operation': 'Esta loja não aceita essa operação.',
  'error.sync.row-not-actionable': 'Isso já está sendo enviado ou já terminou.',
} satisfies Record<keyof typeof syncEn, string>;
