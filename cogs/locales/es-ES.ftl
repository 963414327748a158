# Español (España). Los mismos identificadores de mensaje y variables que en-US.ftl, el original.

## Piezas compartidas: cantidades dentro de otras frases

credit-amount = { $count ->
    [one] { $count } crédito
    [many] { $count } de créditos
   *[other] { $count } créditos
}
request-amount = { $count ->
    [one] { $count } solicitud
    [many] { $count } de solicitudes
   *[other] { $count } solicitudes
}
credit-amount-priced = { $credits } · { $price }
duration-seconds = unos { $seconds } s
duration-minutes = unos { $minutes } min
duration-seconds-bare = { $seconds } s
duration-minutes-bare = { $minutes } min
setting-on = activado
setting-off = desactivado
setting-none = ninguno
setting-yes = sí
setting-no = no

## Cuota: /quota show, rechazos por presupuesto, /quota set, /quota reset, /quota usage

quota-server-left = Servidor: { $remaining ->
    [one] queda
    [many] quedan
   *[other] quedan
} **{ $remaining }** de { $limit }
quota-server-left-used = Servidor: { $remaining ->
    [one] queda
    [many] quedan
   *[other] quedan
} **{ $remaining }** de { $limit }; consumo: { $used }
quota-member-left = Tú: { $remaining ->
    [one] queda
    [many] quedan
   *[other] quedan
} **{ $remaining }** de { $limit }
quota-resets = Se renuevan { $resets } (cada { $period ->
    [day] día
    [week] semana
   *[month] mes
}, UTC)
quota-bot-spent = Este bot ha agotado sus créditos { $period ->
    [day] de hoy
    [week] de esta semana
   *[month] de este mes
}; vuelve a intentarlo { $resets }.
quota-exceeded = { $scope ->
    [guild] Este servidor solo tiene
   *[member] Solo tienes
} { $remaining } y esta solicitud cuesta { $cost }. La cuota se renueva { $resets }. No se ha gastado nada.
quota-invalid-nothing = Nada que cambiar: indica un presupuesto del servidor, un presupuesto por miembro o un periodo.
quota-invalid-period = El periodo debe ser day (día), week (semana) o month (mes).
quota-above-ceiling = El presupuesto de este servidor puede ser como máximo de { $ceiling }: ese tope lo fija el operador del bot.
quota-invalid-budget = El { $budget ->
    [guild_credits] presupuesto del servidor
   *[member] presupuesto por miembro
} debe ser un número entero de 0 a { $most } créditos.
quota-saved = ✅ Guardado. { $summary }
quota-summary = Este servidor puede gastar **{ $credits }** por { $period ->
    [day] día
    [week] semana
   *[month] mes
}; { $member }.
quota-summary-member = cada miembro, hasta **{ $credits }**
quota-summary-no-member = sin presupuesto por miembro
quota-forgave-everyone = ✅ Se ha perdonado el consumo de todo el servidor en este periodo: { $credits }.
quota-forgave-member = ✅ Se ha perdonado el consumo de { $member } en este periodo: { $credits }.
quota-nothing-to-forgive-everyone = Nada que perdonar: nadie en este servidor ha usado créditos en este periodo.
quota-nothing-to-forgive-member = Nada que perdonar: { $member } no ha usado créditos en este periodo.
quota-role-budget-set = ✅ Los miembros con { $role } reciben ahora { $credits } por periodo.
quota-role-budget-removed = ✅ { $role } ya no tiene presupuesto propio; se aplica el predeterminado por miembro.
quota-role-budget-unchanged = No ha cambiado nada: { $role } no tiene presupuesto propio.
usage-title = Créditos usados en este periodo
usage-summary = **{ $credits }** en { $requests } desde el { $since }.
usage-resets = Se renuevan { $resets } (cada { $period ->
    [day] día
    [week] semana
   *[month] mes
}, UTC).
usage-line = { $who }: { $credits } ({ $requests })
usage-top-members = Miembros que más gastan
usage-by-model = Por modelo
usage-by-kind = Generaciones y ediciones
usage-kind-generation = Generaciones
usage-kind-edit = Ediciones
usage-chart = El gráfico: créditos por día (UTC) de este periodo, apilados por modelo; debajo, los créditos de los miembros que más gastan.

## Solicitudes: rechazos antes de empezar, fallos, progreso, la cola

database-uncounted = La base de datos del bot está ocupada: estos créditos se contarán en cuanto vuelva a estar disponible.
bot-restarting = El bot se está reiniciando y ha detenido tu solicitud. Vuelve a intentarlo dentro de un minuto.
bot-restarting-refused = El bot se está reiniciando y ha detenido tu solicitud. Vuelve a intentarlo dentro de un minuto. No se ha gastado nada.
not-started = Discord no ha aceptado la respuesta del bot, así que tu solicitud no ha empezado. No se ha gastado nada; vuelve a intentarlo.
unexpected-error = Algo ha fallado por nuestra parte. Vuelve a intentarlo; los administradores pueden ver los detalles en el registro.
guild-not-approved = Este servidor aún no está autorizado para usar el bot; consulta al operador del bot.
database-busy-refused = La base de datos del bot está ocupada ahora mismo. No se ha gastado nada; vuelve a intentarlo en un momento.
queue-not-waiting = En este servidor las solicitudes no esperan en cola, y la tuya no ha podido empezar ahora. Vuelve a intentarlo dentro de unos minutos. No se ha gastado nada.
queue-member-full = Ya tienes { $requests } en la cola, el máximo por miembro. Espera a que empiece alguna. No se ha gastado nada.
queue-full = La cola de este servidor está llena ({ $requests } en espera). Vuelve a intentarlo dentro de unos minutos. No se ha gastado nada.
spent-nothing = No se ha gastado nada.
spent-known = Aun así, ha costado { $credits }.
spent-maybe = Puede que haya costado { $credits }: el servicio de imágenes puede haberlo cobrado, así que los créditos no se devuelven.
failure-with-cost = { $failure } { $spent }
progress-generating = 🎨 Generando con { $model }… { $seconds } s
progress-editing = 🎨 Editando con { $model }… { $seconds } s
queue-place = ⏳ { $ordinal ->
    [one] Puesto { $place }
   *[other] Puesto { $place }
} en la cola, { $duration } de espera. Tus créditos quedan reservados; con Cancelar se te devuelven.
left-line-refused = Tu solicitud se ha retirado de la cola antes de empezar: { $why } No se ha gastado nada.
left-line-timed-out = Tu solicitud ha esperado más de { $duration } en la cola y se ha cancelado. No se ha gastado nada; vuelve a intentarlo más tarde.
left-line-cancelled = Tu solicitud se ha cancelado antes de empezar. No se ha gastado nada.
queue-expelled = { $count ->
    [one] { $requests } en espera se ha retirado de la cola y se ha reembolsado.
    [many] { $requests } en espera se han retirado de la cola y se han reembolsado.
   *[other] { $requests } en espera se han retirado de la cola y se han reembolsado.
}
cancel-done = ✅ Cancelada: la solicitud ha salido de la cola y se han devuelto sus créditos.
cancel-running = ⚠️ Esta solicitud ya se está generando y no se puede cancelar.
cancel-gone = ⚠️ Esta solicitud ya no está en la cola.
cancel-refused = Solo el miembro que hizo esta solicitud o un moderador puede cancelarla.

## Fallos del servicio de imágenes

image-content-policy = El filtro de seguridad del servicio de imágenes ha bloqueado este prompt. Prueba a reformularlo.
image-bad-request = El servicio de imágenes ha rechazado esta solicitud.
image-bad-parameter = El servicio de imágenes ha rechazado esta solicitud: no acepta la opción `{ $param }`.
image-gateway-config = El servicio de imágenes no está configurado para esta solicitud. Un administrador del bot debe revisar la configuración de la pasarela de imágenes.
image-authentication = El servicio de imágenes ha rechazado la clave de API del bot. Un administrador del bot tiene que revisarla.
image-rate-limited = El servicio de imágenes está saturado ahora mismo. Vuelve a intentarlo dentro de un minuto.
image-insufficient-quota = La cuenta del bot en el servicio de imágenes se ha quedado sin saldo. Un administrador del bot tiene que recargarla.
image-unavailable = El servicio de imágenes no está disponible ahora mismo. Vuelve a intentarlo más tarde.
image-timeout = El servicio de imágenes ha tardado demasiado en responder. Vuelve a intentarlo más tarde.
image-malformed = El servicio de imágenes ha devuelto algo que no es una imagen utilizable.
image-edits-unsupported = Este servicio de imágenes no permite editar.
image-edits-unsupported-model = Este servicio de imágenes no permite editar con { $model }. No se ha gastado nada.

## Resultados: la publicación de las imágenes y sus botones

field-model = Modelo
field-size = Tamaño
field-aspect = Proporción
field-quality = Calidad
field-style = Estilo
field-background = Fondo
field-output-format = Formato de salida
result-revised-prompt = Prompt revisado
result-cost = Coste: { $credits }
result-defaults-used = Valores predeterminados usados
result-reencoded = Se ha recodificado en WebP para no superar el límite de subida de Discord.
result-dropped = { $count ->
    [one] { $count } imagen enviada (y cobrada) por el generador no era utilizable.
    [many] { $count } imágenes enviadas (y cobradas) por el generador no eran utilizables.
   *[other] { $count } imágenes enviadas (y cobradas) por el generador no eran utilizables.
}
button-reroll = Regenerar
button-remix = Remezclar
button-edit = Editar
button-delete = Eliminar
button-cancel = Cancelar
reroll-too-old = Esta imagen es demasiado antigua para regenerarla; vuelve a usar /imagine.
remix-too-old = Esta imagen es demasiado antigua para remezclarla; vuelve a usar /imagine.
delete-refused = Solo el miembro que pidió esta imagen o un moderador puede eliminarla.
remix-title = Remezclar
remix-prompt-label = Prompt

## Ediciones: /imagine-edit, el botón Editar y el menú de mensaje

edit-no-image = Ese mensaje no tiene ninguna imagen adjunta que editar.
edit-prompt-label = Qué cambiar
edit-modal-title = Editar con imagine
edit-too-large = `{ $file }` ocupa { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB; para editar se admiten imágenes de hasta { NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB. No se ha gastado nada.
edit-not-an-image = `{ $file }` no es una imagen PNG, JPEG o WebP completa. No se ha gastado nada.
edit-too-many-pixels = `{ $file }` tiene demasiados píxeles para editarse (como máximo { $megapixels } megapíxeles). No se ha gastado nada.
edit-mask-not-png = La máscara no es un PNG. No se ha gastado nada.
edit-mask-no-alpha = La máscara no tiene transparencia (sus píxeles transparentes marcan qué cambiar). No se ha gastado nada.
edit-mask-size = La máscara no tiene el mismo tamaño que la primera imagen. No se ha gastado nada.
edit-unreadable = Discord no ha entregado `{ $file }`; vuelve a intentarlo. No se ha gastado nada.

## Rechazos del catálogo a las opciones de una solicitud

rejected-unknown-model = Modelo desconocido: `{ $model }`. Elige uno de estos: { $known }.
rejected-empty-prompt = El prompt está vacío.
rejected-prompt-too-long = El prompt tiene { $length } caracteres; { $model } admite como máximo { $most }.
rejected-size = { $model } no ofrece el tamaño `{ $size }`. Permitidos: { $allowed }.
rejected-sizes-custom = { $listed } o cualquier WxH con lados de { $least } a { $most } en pasos de { $step }
rejected-too-many-images = { $model } genera de 1 a { $most } imágenes por solicitud.
rejected-no-such-option = { $model } no tiene la opción { $option }.
rejected-value = { $model } no ofrece { $option } `{ $value }`. Permitidos: { $allowed }.
rejected-unknown-options = { $model } no admite estas opciones: { $options }.
rejected-edits-not-offered = { $model } no puede editar imágenes. No se ha gastado nada.
rejected-too-many-inputs = { $model } edita como máximo { $most ->
    [one] { $most } imagen
    [many] { $most } imágenes
   *[other] { $most } imágenes
} a la vez; has enviado { $count }. No se ha gastado nada.
rejected-mask-not-offered = { $model } no admite máscara. No se ha gastado nada.
rejected-aspect-size = La forma `{ $aspect }` equivale a { $aspect_size } en { $model }, no a `{ $size }`: indica solo una de las dos.
rejected-extra-conflict = { $model } no puede combinar { $when_option } `{ $when_value }` con { $option } `{ $value }`. Permitidos en ese caso: { $allowed }.

## Rechazos de discord.py a un comando antes de ejecutarlo

command-missing-permissions = Necesitas el permiso { $permissions } para usar este comando.
command-guild-only = Este comando solo funciona en un servidor.
command-cooldown = Más despacio: vuelve a intentarlo dentro de { NUMBER($seconds, maximumFractionDigits: 0) } s.
command-bad-value = `{ $value }` no es un valor válido para esta opción.
command-refused = No puedes usar este comando aquí.
permission-manage-guild = Gestionar servidor
permission-manage-channels = Gestionar canales

## Moderación: rechazos por normas, respuestas de /imagine-admin, /imagine-admin show

strike-counted = Esto cuenta como una advertencia ({ $count } en este periodo).
strike-counted-of = Esto cuenta como una advertencia ({ $count } de { $limit } en este periodo).
strike-paused = Se te ha pausado en /imagine hasta que un moderador te reactive.
rule-paused = Estás en pausa para /imagine en este servidor. Un moderador puede reactivarte.
rule-paused-reason = Estás en pausa para /imagine en este servidor ({ $reason }). Un moderador puede reactivarte.
rule-paused-strikes = Estás en pausa para /imagine en este servidor: llegaste al límite de advertencias. Un moderador puede reactivarte.
rule-channel = En este servidor, /imagine solo funciona en { $channels }.
rule-role = /imagine es solo para miembros con alguno de estos roles: { $roles }.
rule-nsfw-only = En este servidor, /imagine solo funciona en canales con restricción de edad.
rule-model-disabled = { $model } está desactivado en este servidor; elige otro modelo.
rule-blocked-term = Tu prompt contiene un término que este servidor bloquea: «{ $term }».
rule-blocked-builtin-term = Tu prompt contiene un término que este servidor bloquea fuera de los canales con restricción de edad: «{ $term }».
rule-cooldown = Más despacio: podrás volver a usar /imagine { $when }.
rule-flagged = La comprobación de moderación ha marcado este prompt.
rule-moderation-down = La comprobación de moderación no está disponible ahora mismo. Vuelve a intentarlo dentro de un minuto.
sentences = { $first } { $second }
admin-saved = ✅ Guardado. `/imagine-admin show` muestra todas las normas.
admin-not-a-model = `{ $model }` no es un modelo de este bot.
list-blocked = ✅ Bloqueado: { $entry }.
list-unblocked = ✅ Desbloqueado: { $entry }.
list-already-blocked = No ha cambiado nada: { $entry } ya está bloqueado.
list-not-blocked = No ha cambiado nada: { $entry } no está bloqueado.
list-channel-added = ✅ /imagine ya funciona en { $entry }.
list-role-added = ✅ /imagine ya está disponible para { $entry }.
list-removed = ✅ Se ha quitado { $entry }.
list-already-listed = No ha cambiado nada: { $entry } ya está en la lista.
list-not-listed = No ha cambiado nada: { $entry } no está en la lista.
list-model-disabled = ✅ { $entry } desactivado.
list-model-enabled = ✅ { $entry } activado.
list-model-already-disabled = No ha cambiado nada: { $entry } ya está desactivado.
list-model-already-enabled = No ha cambiado nada: { $entry } ya está activado.
member-paused = ✅ Se ha pausado a { $member }.
member-already-paused = { $member } ya está en pausa.
member-unpaused = ✅ Se ha reactivado a { $member }.
member-not-paused = { $member } no está en pausa.
entries-terms = Términos bloqueados
entries-channels = Canales
entries-roles = Roles
entries-no-terms = ninguno
entries-everywhere = en todas partes
entries-everyone = todos
setting-invalid-queue = El máximo de { $limit ->
    [guild_concurrency] solicitudes simultáneas en el servidor
    [member_concurrency] solicitudes simultáneas por miembro
   *[queue_limit] solicitudes en cola
} debe estar entre { $least } y { $most } (el límite propio de este bot). No se ha cambiado nada.
setting-term-empty = Un término bloqueado necesita al menos una letra o un dígito.
setting-too-many-terms = Este servidor ya tiene { $most } términos bloqueados, el máximo permitido: quita uno primero. No se ha añadido nada.
setting-term-too-long = Un término bloqueado puede tener como máximo { $most } caracteres.
setting-nothing = Nada que cambiar: indica al menos un ajuste.
setting-invalid-cooldown = La espera entre solicitudes debe ser de 0 a { $most } segundos.
setting-invalid-strike-limit = El límite de advertencias debe estar entre 0 y { $most }.
setting-invalid-role-budget = El presupuesto de un rol debe estar entre 1 y { $most } créditos.
policy-title = Normas de /imagine en este servidor
policy-budgets = Presupuestos
policy-budgets-value = Servidor: { $credits } por { $period ->
    [day] día
    [week] semana
   *[month] mes
}
    Cada miembro: { $member }
policy-role-budgets = Presupuestos por rol
policy-role-budget = { $role }: { $credits }
policy-models = Modelos
policy-nsfw-only = Solo NSFW
policy-cooldown = Espera entre solicitudes
policy-strike-limit = Límite de advertencias
policy-audit-channel = Canal de auditoría
policy-blocked-terms = Términos bloqueados
policy-blocked-terms-value = { $count } de este servidor; lista incluida: { $builtin } (fuera de los canales con restricción de edad)
policy-paused = Miembros en pausa
policy-paused-strikes = límite de advertencias alcanzado
policy-queue = Cola
policy-queue-value = { $running } a la vez, { $member_running } por miembro; hasta { $waiting } en espera, { $member_waiting } por miembro
policy-live-queue = Cola actual: { $running } en curso, { $waiting } en espera
policy-live-member = { $member }: { $running } en curso, { $waiting } en espera

## Registros en el canal de los moderadores

audit-generated = Generación
audit-edited = Edición
rule-name = { $rule ->
    [paused] miembro en pausa
    [channel] no permitida en ese canal
    [role] rol no permitido
    [nsfw_only] solo en canales con restricción de edad
    [model] modelo desactivado
    [blocked_term] término bloqueado
    [cooldown] espera entre solicitudes
    [pre_moderation] marcada por la comprobación de moderación
    [pre_moderation_unavailable] comprobación de moderación no disponible
    [quota] presupuesto superado
    [bot_budget] el presupuesto propio del bot estaba agotado
    [queue_full] cola llena
    [member_queue_full] cupo del miembro en la cola lleno
    [shutting_down] el bot se estaba reiniciando
   *[other] una norma
}
audit-refused = Rechazo: { $rule }
audit-strike = Advertencia
audit-member = Miembro
audit-channel = Canal
audit-quality-default = predeterminada
audit-images = Imágenes
audit-credits = Créditos
audit-result = Resultado
audit-jump = [Ir al resultado]({ $link })
audit-not-delivered = no entregado
audit-why = Motivo
audit-strikes = Advertencias en este periodo
audit-strikes-uncounted = sin contar (la base de datos estaba ocupada)
audit-strikes-count-of = { $count } de { $limit }
audit-paused = En pausa

## Valores predeterminados: /imagine-settings y /imagine-admin defaults

defaults-mine = tuyos: { $options }
defaults-server = del servidor: { $options }
defaults-both = { $mine }; { $server }
defaults-skipped-mine = Tu modelo predeterminado `{ $model }` no está disponible aquí ahora, así que se ha omitido.
defaults-skipped-server = El modelo predeterminado del servidor `{ $model }` no está disponible aquí ahora, así que se ha omitido.
model-not-offered = { $model } no está disponible en este servidor.
defaults-mine-none = Tus valores predeterminados en este servidor: ninguno; /imagine usa los del servidor y los del catálogo.
defaults-server-none = Valores predeterminados de este servidor: ninguno; /imagine usa los del catálogo.
defaults-mine-shown = Tus valores predeterminados en este servidor: { $options }.
defaults-server-shown = Valores predeterminados de este servidor: { $options }.
defaults-option = { $option } { $value }
defaults-none-to-clear = No había valores predeterminados que quitar.
defaults-mine-cleared = ✅ Se han quitado tus valores predeterminados.
defaults-server-cleared = ✅ Se han quitado los valores predeterminados del servidor.

## Historial y privacidad: /imagine-history, /imagine-forget

history-refused = Solo los miembros con Gestionar servidor pueden ver el historial de otro miembro.
use-again-refused = Solo puedes reutilizar tus propias solicitudes.
use-again-gone = Esta solicitud ya no está en tu historial; vuelve a usar /imagine.
use-again-placeholder = Reutilizar…
use-again-empty = (vacío)
use-again-description = { $model } · { $size } · { $credits } la última vez
forget-refused = Solo el miembro que lo ha pedido puede confirmarlo.
forget-confirm = Esto borra para siempre tus prompts y tu historial de /imagine en este servidor: la lista del historial, los prompts guardados para Regenerar y los enlaces a tus resultados. Los créditos que hayas gastado no se recuperan, y las publicaciones del canal de auditoría de los moderadores se mantienen. Pulsa **Borrar** para continuar.
button-erase = Borrar
button-previous = Anterior
button-next = Siguiente
history-title = Historial de /imagine
history-mine = Tus solicitudes en este servidor, de la más reciente a la más antigua.
history-member = Solicitudes de { $member } en este servidor, de la más reciente a la más antigua.
history-page = Página { $page }
history-empty-page = No hay nada aquí.
history-empty = Aún no hay solicitudes en este servidor.
history-no-prompt = *el prompt ya no se conserva*
history-nothing-spent = sin coste
history-edit = edición
history-refused-rule = rechazada: { $rule }
history-pending = en curso
history-unknown = resultado desconocido
history-refunded = reembolsada
history-refunded-safety = reembolsada: la rechazó el filtro de seguridad del servicio de imágenes
history-delivered = entregada
history-delivered-link = entregada ([ir a ella]({ $link }))
forgotten-nothing-mine = Nada que borrar: tu historial en este servidor está vacío.
forgotten-nothing-member = Nada que borrar: el historial de { $member } en este servidor está vacío.
forgotten-mine = ✅ Se { $count ->
    [one] ha borrado { $count } entrada
    [many] han borrado { $count } entradas
   *[other] han borrado { $count } entradas
} de tu historial en este servidor.
forgotten-member = ✅ Se { $count ->
    [one] ha borrado { $count } entrada
    [many] han borrado { $count } entradas
   *[other] han borrado { $count } entradas
} del historial de { $member } en este servidor.

## Listas recortadas para que quepan en un mensaje

listing-more = …y { $count } más
quoted = «{ $text }»

## Commands

cmd-imagine = Generar imágenes a partir de una descripción
cmd-imagine-prompt = Qué dibujar, con tus propias palabras
cmd-imagine-model = Qué modelo de imagen usar
cmd-size = Tamaño de la imagen en píxeles (las opciones dependen del modelo)
cmd-quality = Calidad de la imagen (las opciones dependen del modelo)
cmd-count = Cuántas imágenes (las opciones dependen del modelo)
cmd-imagine-aspect = Forma: square (cuadrada), portrait (vertical), landscape (horizontal); wide y tall según modelo
cmd-imagine-style = Estilo de DALL·E 3: vivid (vívido) o natural
cmd-imagine-background = Fondo de GPT Image: auto, opaque (opaco) o transparent (transparente)
cmd-imagine-output-format = Formato de archivo de GPT Image: png, webp o jpeg

cmd-imagine-edit = Editar imágenes a partir de una descripción
cmd-imagine-edit-image = La imagen que quieres editar
cmd-imagine-edit-prompt = Qué cambiar, con tus propias palabras
cmd-imagine-edit-image2 = Una segunda imagen de entrada
cmd-imagine-edit-image3 = Una tercera imagen de entrada
cmd-imagine-edit-image4 = Una cuarta imagen de entrada
cmd-imagine-edit-mask = Un PNG cuyos píxeles transparentes marcan qué cambiar (del tamaño de la primera imagen)
cmd-imagine-edit-model = Qué modelo de imagen usar (solo los que pueden editar)
cmd-imagine-edit-background = Fondo, en los modelos que lo ofrecen (auto, opaque, transparent)
cmd-imagine-edit-output-format = Formato de imagen, en los modelos que lo ofrecen (png, webp, jpeg)
cmd-edit-menu = Editar con imagine

cmd-imagine-history = Tus solicitudes anteriores de /imagine en este servidor
cmd-imagine-history-member = De quién es el historial (el de otro miembro requiere Gestionar servidor)
cmd-imagine-forget = Borrar tus prompts y tu historial de /imagine en este servidor

cmd-imagine-settings = Tus propios valores predeterminados de /imagine en este servidor
cmd-defaults-model = Modelo predeterminado
cmd-defaults-size = Tamaño predeterminado en píxeles (las opciones dependen del modelo)
cmd-defaults-aspect = Forma predeterminada: square, portrait, landscape, wide, tall
cmd-defaults-quality = Calidad predeterminada (las opciones dependen del modelo)
cmd-defaults-style = Estilo predeterminado de DALL·E 3: vivid o natural
cmd-defaults-clear = Quitar todos estos valores predeterminados

cmd-imagine-admin = Moderar /imagine en este servidor (Gestionar servidor)
cmd-imagine-admin-show = Todas las normas de /imagine de este servidor
cmd-imagine-admin-set = Cambiar los ajustes de moderación; los que no indiques se mantienen
cmd-imagine-admin-set-audit-channel = Dónde se publica para los moderadores cada generación, rechazo y advertencia
cmd-imagine-admin-set-nsfw-only = Permitir /imagine solo en canales con restricción de edad
cmd-imagine-admin-set-cooldown-seconds = Segundos que espera un miembro entre solicitudes (salvo con Gestionar servidor)
cmd-imagine-admin-set-builtin-terms = Bloquear los términos sexuales y gore incluidos fuera de canales con restricción de edad
cmd-imagine-admin-set-strike-limit = Rechazos de seguridad en un periodo tras los que se pausa a un miembro (0 = nunca)
cmd-imagine-admin-set-guild-concurrency = Solicitudes de imagen simultáneas en este servidor (como mucho, el límite del bot)
cmd-imagine-admin-set-member-concurrency = Solicitudes de imagen simultáneas por miembro (como mucho, el límite del bot)
cmd-imagine-admin-set-queue-limit = Solicitudes que pueden esperar en la cola de este servidor (como mucho, las del bot)
cmd-imagine-admin-defaults = Valores predeterminados de /imagine en este servidor (sin opciones: mostrarlos)
cmd-imagine-admin-blocked = Términos que un prompt no puede contener
cmd-imagine-admin-blocked-add = Bloquear una palabra o frase (un * al final bloquea lo que empiece así)
cmd-imagine-admin-blocked-add-term = Una palabra o frase; `palabra*` también bloquea las palabras que empiezan así
cmd-imagine-admin-blocked-remove = Dejar de bloquear una palabra o frase
cmd-imagine-admin-blocked-remove-term = La palabra o frase, tal como se añadió
cmd-imagine-admin-blocked-list = Los términos que bloquea este servidor
cmd-imagine-admin-channels = Dónde funciona /imagine (sin canales en la lista: en todas partes)
cmd-imagine-admin-channels-add = Permitir /imagine en este canal (y en sus hilos)
cmd-imagine-admin-channels-add-channel = Un canal donde funcionará /imagine
cmd-imagine-admin-channels-remove = Quitar un canal de la lista
cmd-imagine-admin-channels-remove-channel = El canal que quieres quitar de la lista
cmd-imagine-admin-channels-list = Dónde funciona /imagine
cmd-imagine-admin-roles = Quién puede usar /imagine (sin roles en la lista: todos)
cmd-imagine-admin-roles-add = Permitir que los miembros con este rol usen /imagine
cmd-imagine-admin-roles-add-role = Un rol cuyos miembros pueden usar /imagine
cmd-imagine-admin-roles-remove = Quitar un rol de la lista
cmd-imagine-admin-roles-remove-role = El rol que quieres quitar de la lista
cmd-imagine-admin-roles-list = Quién puede usar /imagine
cmd-imagine-admin-models = Qué modelos pueden elegir los miembros
cmd-imagine-admin-models-enable = Volver a ofrecer un modelo en este servidor
cmd-imagine-admin-models-disable = Dejar de ofrecer un modelo en este servidor
cmd-imagine-admin-models-model = Un modelo del catálogo
cmd-imagine-admin-member = Pausar, reactivar u olvidar a un miembro
cmd-imagine-admin-member-pause = Impedir que un miembro use /imagine hasta que se le reactive
cmd-imagine-admin-member-pause-member = El miembro que quieres pausar
cmd-imagine-admin-member-pause-reason = Motivo que verá el miembro
cmd-imagine-admin-member-unpause = Dejar que un miembro vuelva a usar /imagine
cmd-imagine-admin-member-unpause-member = El miembro que quieres reactivar (se le perdonan las advertencias)
cmd-imagine-admin-member-forget = Borrar aquí los prompts y el historial de un miembro (aunque se haya ido)
cmd-imagine-admin-member-forget-user = El miembro (o exmiembro) cuyo historial se borrará

cmd-quota = Créditos de imagen de este servidor
cmd-quota-show = Cuántos créditos de imagen quedan y cuándo se renuevan
cmd-quota-set = Cambiar los presupuestos de créditos de este servidor (Gestionar servidor)
cmd-quota-set-guild-credits = Créditos que todo el servidor puede gastar por periodo
cmd-quota-set-member-credits = Créditos que cada miembro puede gastar por periodo (0 = sin presupuesto por miembro)
cmd-quota-set-period = Cada cuánto se renuevan los presupuestos
cmd-quota-period-day = día (se renueva a las 00:00 UTC)
cmd-quota-period-week = semana (se renueva el lunes a las 00:00 UTC)
cmd-quota-period-month = mes (se renueva el día 1 a las 00:00 UTC)
cmd-quota-reset = Perdonar el consumo de este periodo (Gestionar servidor)
cmd-quota-reset-member = A quién perdonar el consumo (vacío: a todo el servidor)
cmd-quota-role = Dar a un rol su propio presupuesto por miembro (Gestionar servidor)
cmd-quota-role-role = Los miembros con este rol reciben su presupuesto en lugar del predeterminado
cmd-quota-role-credits = Créditos por periodo (vacío: quitar el presupuesto del rol)
cmd-usage = Quién ha usado créditos en este periodo y en qué
