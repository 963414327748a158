# Español (España). Los mismos identificadores de mensaje y variables que en-US.ftl, el original.

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
