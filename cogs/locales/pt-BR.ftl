# Português (Brasil). Os mesmos identificadores de mensagem e variáveis de en-US.ftl, o original.

## Partes compartilhadas: quantidades dentro de outras frases

credit-amount = { $count ->
    [0] { $count } créditos
    [one] { $count } crédito
    [many] { $count } de créditos
   *[other] { $count } créditos
}
request-amount = { $count ->
    [0] { $count } pedidos
    [one] { $count } pedido
    [many] { $count } de pedidos
   *[other] { $count } pedidos
}
credit-amount-priced = { $credits } · { $price }
duration-seconds = cerca de { $seconds } s
duration-minutes = cerca de { $minutes } min
duration-seconds-bare = { $seconds } s
duration-minutes-bare = { $minutes } min
setting-on = ativado
setting-off = desativado
setting-none = nenhum
setting-yes = sim
setting-no = não

## Cota: /quota show, recusas acima de um orçamento, /quota set, /quota reset, /quota usage

quota-server-left = Servidor: restam **{ $remaining }** de { $limit }
quota-server-left-used = Servidor: restam **{ $remaining }** de { $limit }; usados: { $used }
quota-member-left = Você: restam **{ $remaining }** de { $limit }
quota-resets = Renova { $resets } ({ $period ->
    [day] todo dia
    [week] toda semana
   *[month] todo mês
}, UTC)
quota-bot-spent = Este bot já usou seus créditos { $period ->
    [day] de hoje
    [week] desta semana
   *[month] deste mês
}; tente de novo { $resets }.
quota-exceeded = { $scope ->
    [guild] Este servidor só tem
   *[member] Você só tem
} { $remaining } e este pedido custa { $cost }. A cota renova { $resets }. Nada foi gasto.
quota-invalid-nothing = Nada a alterar: informe um orçamento do servidor, um orçamento por membro ou um período.
quota-invalid-period = O período deve ser day, week ou month.
quota-above-ceiling = O orçamento deste servidor pode ser no máximo { $ceiling }: esse teto é definido pelo operador do bot.
quota-invalid-budget = O { $budget ->
    [guild_credits] orçamento do servidor
   *[member] orçamento por membro
} deve ser um número inteiro de 0 a { $most } créditos.
quota-saved = ✅ Salvo. { $summary }
quota-summary = Este servidor pode gastar **{ $credits }** por { $period ->
    [day] dia
    [week] semana
   *[month] mês
}; { $member }.
quota-summary-member = cada membro até **{ $credits }**
quota-summary-no-member = sem orçamento por membro
quota-forgave-everyone = ✅ Uso deste período perdoado para todo o servidor: { $credits }.
quota-forgave-member = ✅ Uso deste período perdoado para { $member }: { $credits }.
quota-nothing-to-forgive-everyone = Nada a perdoar: ninguém neste servidor usou créditos neste período.
quota-nothing-to-forgive-member = Nada a perdoar: { $member } não usou créditos neste período.
quota-role-budget-set = ✅ Membros com { $role } agora recebem { $credits } por período.
quota-role-budget-removed = ✅ { $role } não tem mais orçamento próprio; vale o padrão por membro.
quota-role-budget-unchanged = Nada mudou: { $role } não tem orçamento próprio.
usage-title = Créditos usados neste período
usage-summary = **{ $credits }** em { $requests } desde { $since }.
usage-resets = Renova { $resets } ({ $period ->
    [day] todo dia
    [week] toda semana
   *[month] todo mês
}, UTC).
usage-line = { $who }: { $credits } ({ $requests })
usage-top-members = Quem mais usou
usage-by-model = Por modelo
usage-by-kind = Gerações e edições
usage-kind-generation = Gerações
usage-kind-edit = Edições
usage-chart = O gráfico: créditos por dia (UTC) neste período, empilhados por modelo; abaixo, os créditos de quem mais usou.

## Pedidos: recusas antes de começar, falhas, andamento, a fila

database-uncounted = O banco de dados do bot está ocupado: estes créditos serão contabilizados assim que ele voltar.
bot-restarting = O bot está reiniciando e interrompeu seu pedido. Tente de novo daqui a um minuto.
bot-restarting-refused = O bot está reiniciando e interrompeu seu pedido. Tente de novo daqui a um minuto. Nada foi gasto.
not-started = O Discord não aceitou a resposta do bot, então seu pedido não começou. Nada foi gasto; tente de novo.
unexpected-error = Algo deu errado do nosso lado. Tente de novo; os administradores encontram os detalhes no log.
guild-not-approved = Este servidor ainda não foi aprovado para usar o bot; fale com o operador do bot.
database-busy-refused = O banco de dados do bot está ocupado agora. Nada foi gasto; tente de novo daqui a pouco.
queue-not-waiting = Neste servidor os pedidos não esperam na fila, e o seu não pôde começar agora. Tente de novo em alguns minutos. Nada foi gasto.
queue-member-full = Você já tem { $requests } esperando na fila, o máximo permitido por membro. Espere um deles começar. Nada foi gasto.
queue-full = A fila deste servidor está cheia ({ $requests } esperando). Tente de novo em alguns minutos. Nada foi gasto.
spent-nothing = Nada foi gasto.
spent-known = Mesmo assim, custou { $credits }.
spent-maybe = Pode ter custado { $credits }: o serviço de imagens pode ter cobrado, então os créditos continuam gastos.
failure-with-cost = { $failure } { $spent }
progress-generating = 🎨 Gerando com { $model }… { $seconds } s
progress-editing = 🎨 Editando com { $model }… { $seconds } s
queue-place = ⏳ { $ordinal ->
   *[other] { $place }º
} na fila, { $duration }. Seus créditos ficam reservados; o botão Cancelar os devolve.
left-line-refused = Seu pedido foi tirado da fila antes de começar: { $why } Nada foi gasto.
left-line-timed-out = Seu pedido esperou mais de { $duration } na fila e foi cancelado. Nada foi gasto; tente de novo mais tarde.
left-line-cancelled = Seu pedido foi cancelado antes de começar. Nada foi gasto.
queue-expelled = { $count ->
    [0] { $requests } que esperavam na fila foram retirados dela e reembolsados.
    [one] { $requests } que esperava na fila foi retirado dela e reembolsado.
    [many] { $requests } que esperavam na fila foram retirados dela e reembolsados.
   *[other] { $requests } que esperavam na fila foram retirados dela e reembolsados.
}
cancel-done = ✅ Cancelado: o pedido saiu da fila e os créditos dele foram devolvidos.
cancel-running = ⚠️ Este pedido já está sendo gerado e não pode mais ser cancelado.
cancel-gone = ⚠️ Este pedido não está mais esperando na fila.
cancel-refused = Só quem fez este pedido ou um moderador pode cancelá-lo.

## Falhas do serviço de imagens

image-content-policy = O filtro de segurança do serviço de imagens bloqueou este prompt. Tente reformulá-lo.
image-bad-request = O serviço de imagens recusou este pedido.
image-bad-parameter = O serviço de imagens recusou este pedido: a opção `{ $param }` não é aceita.
image-gateway-config = O serviço de imagens não está configurado para este pedido. Um administrador do bot precisa verificar a configuração do gateway de imagens.
image-authentication = O serviço de imagens recusou a chave de API de imagens do bot. Um administrador do bot precisa verificar a chave.
image-rate-limited = O serviço de imagens está ocupado agora. Tente de novo daqui a um minuto.
image-insufficient-quota = A conta do bot no serviço de imagens está sem saldo. Um administrador do bot precisa recarregá-la.
image-unavailable = O serviço de imagens está indisponível agora. Tente de novo mais tarde.
image-timeout = O serviço de imagens demorou demais para responder. Tente de novo mais tarde.
image-malformed = O serviço de imagens devolveu algo que não é uma imagem utilizável.
image-edits-unsupported = Este serviço de imagens não oferece edição.
image-edits-unsupported-model = Este serviço de imagens não oferece edição para { $model }. Nada foi gasto.

## Resultados: a publicação das imagens e seus botões

field-model = Modelo
field-size = Tamanho
field-aspect = Proporção
field-quality = Qualidade
field-style = Estilo
field-background = Fundo
field-output-format = Formato de saída
result-revised-prompt = Prompt revisado
result-cost = Custo: { $credits }
result-defaults-used = Padrões usados
result-reencoded = Convertido para WebP para caber no limite de envio do Discord.
result-dropped = { $count ->
    [one] { $count } imagem que o gerador enviou (e cobrou) veio inutilizável.
    [many] { $count } de imagens que o gerador enviou (e cobrou) vieram inutilizáveis.
   *[other] { $count } imagens que o gerador enviou (e cobrou) vieram inutilizáveis.
}
button-reroll = Refazer
button-remix = Remixar
button-edit = Editar
button-delete = Excluir
button-cancel = Cancelar
reroll-too-old = Esta imagem é antiga demais para refazer; use /imagine de novo.
remix-too-old = Esta imagem é antiga demais para remixar; use /imagine de novo.
delete-refused = Só quem pediu esta imagem ou um moderador pode excluí-la.
remix-title = Remix
remix-prompt-label = Prompt

## Edições: /imagine-edit, o botão Editar e o menu da mensagem

edit-no-image = Essa mensagem não tem nenhuma imagem anexada para editar.
edit-prompt-label = O que mudar
edit-modal-title = Editar com imagine
edit-too-large = `{ $file }` tem { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB; a edição aceita imagens de até { NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB. Nada foi gasto.
edit-not-an-image = `{ $file }` não é uma imagem PNG, JPEG ou WebP completa. Nada foi gasto.
edit-too-many-pixels = `{ $file }` tem pixels demais para editar (no máximo { $megapixels } megapixels). Nada foi gasto.
edit-mask-not-png = A máscara não é um PNG. Nada foi gasto.
edit-mask-no-alpha = A máscara não tem transparência (os pixels transparentes dela marcam o que mudar). Nada foi gasto.
edit-mask-size = A máscara não tem o mesmo tamanho da primeira imagem. Nada foi gasto.
edit-unreadable = O Discord não entregou `{ $file }`; tente de novo. Nada foi gasto.

## Recusas do catálogo às opções de um pedido

rejected-unknown-model = Modelo desconhecido: `{ $model }`. Escolha um destes: { $known }.
rejected-empty-prompt = O prompt está vazio.
rejected-prompt-too-long = O prompt tem { $length } caracteres; { $model } aceita no máximo { $most }.
rejected-size = { $model } não oferece o tamanho `{ $size }`. Permitidos: { $allowed }.
rejected-sizes-custom = { $listed } ou qualquer largura x altura com lados de { $least } a { $most }, de { $step } em { $step }
rejected-too-many-images = { $model } gera de 1 a { $most } imagens por pedido.
rejected-no-such-option = { $model } não tem a opção { $option }.
rejected-value = { $model } não oferece { $option } `{ $value }`. Permitidos: { $allowed }.
rejected-unknown-options = Opções que { $model } não aceita: { $options }.
rejected-edits-not-offered = { $model } não edita imagens. Nada foi gasto.
rejected-too-many-inputs = { $model } edita no máximo { $most ->
    [one] { $most } imagem
    [many] { $most } de imagens
   *[other] { $most } imagens
} por vez; você enviou { $count }. Nada foi gasto.
rejected-mask-not-offered = { $model } não aceita máscara. Nada foi gasto.
rejected-aspect-size = O formato `{ $aspect }` é { $aspect_size } em { $model }, não `{ $size }`: informe só um dos dois.
rejected-extra-conflict = { $model } não combina { $when_option } `{ $when_value }` com { $option } `{ $value }`. Permitidos nesse caso: { $allowed }.

## Recusas do discord.py antes de o comando rodar

command-missing-permissions = Você precisa da permissão { $permissions } para usar este comando.
command-guild-only = Este comando só funciona em servidores.
command-cooldown = Calma: tente de novo em { NUMBER($seconds, maximumFractionDigits: 0) } s.
command-bad-value = `{ $value }` não é um valor válido para esta opção.
command-refused = Você não pode usar este comando aqui.
permission-manage-guild = Gerenciar servidor
permission-manage-channels = Gerenciar canais

## Moderação: recusas por regras, respostas do /imagine-admin, /imagine-admin show

strike-counted = Isso conta como uma advertência ({ $count } neste período).
strike-counted-of = Isso conta como uma advertência ({ $count } de { $limit } neste período).
strike-paused = Seu acesso ao /imagine agora está pausado até que um moderador o libere.
rule-paused = Seu acesso ao /imagine está pausado neste servidor. Um moderador pode liberá-lo.
rule-paused-reason = Seu acesso ao /imagine está pausado neste servidor ({ $reason }). Um moderador pode liberá-lo.
rule-paused-strikes = Seu acesso ao /imagine está pausado neste servidor: você atingiu o limite de advertências. Um moderador pode liberá-lo.
rule-channel = Neste servidor, o /imagine só funciona em { $channels }.
rule-role = O /imagine é só para membros com um destes cargos: { $roles }.
rule-nsfw-only = Neste servidor, o /imagine só funciona em canais com restrição de idade.
rule-model-disabled = O modelo { $model } está desativado neste servidor; escolha outro.
rule-blocked-term = Seu prompt contém um termo que este servidor bloqueia: “{ $term }”.
rule-blocked-builtin-term = Seu prompt contém um termo que este servidor bloqueia fora de canais com restrição de idade: “{ $term }”.
rule-cooldown = Calma: você pode usar o /imagine de novo { $when }.
rule-flagged = A verificação de moderação sinalizou este prompt.
rule-moderation-down = A verificação de moderação está indisponível agora. Tente de novo daqui a um minuto.
sentences = { $first } { $second }
admin-saved = ✅ Salvo. `/imagine-admin show` mostra todas as regras.
admin-not-a-model = `{ $model }` não é um modelo deste bot.
list-blocked = ✅ Termo bloqueado: { $entry }.
list-unblocked = ✅ Termo desbloqueado: { $entry }.
list-already-blocked = Nada mudou: o termo { $entry } já está bloqueado.
list-not-blocked = Nada mudou: o termo { $entry } não está bloqueado.
list-channel-added = ✅ O /imagine agora funciona em { $entry }.
list-role-added = ✅ O /imagine agora está liberado para { $entry }.
list-removed = ✅ { $entry } foi removido da lista.
list-already-listed = Nada mudou: { $entry } já está na lista.
list-not-listed = Nada mudou: { $entry } não está na lista.
list-model-disabled = ✅ Modelo { $entry } desativado.
list-model-enabled = ✅ Modelo { $entry } ativado.
list-model-already-disabled = Nada mudou: o modelo { $entry } já está desativado.
list-model-already-enabled = Nada mudou: o modelo { $entry } já está ativado.
member-paused = ✅ { $member } agora está em pausa.
member-already-paused = { $member } já está em pausa.
member-unpaused = ✅ { $member } não está mais em pausa.
member-not-paused = { $member } não está em pausa.
entries-terms = Termos bloqueados
entries-channels = Canais
entries-roles = Cargos
entries-no-terms = nenhum
entries-everywhere = em todo lugar
entries-everyone = todos
setting-invalid-queue = O limite de { $limit ->
    [guild_concurrency] pedidos simultâneos no servidor
    [member_concurrency] pedidos simultâneos por membro
   *[queue_limit] pedidos esperando na fila
} deve ser de { $least } a { $most } (o limite do próprio bot). Nada foi alterado.
setting-term-empty = Um termo bloqueado precisa de pelo menos uma letra ou um dígito.
setting-too-many-terms = Este servidor já tem { $most } termos bloqueados, o máximo permitido: remova um antes. Nada foi adicionado.
setting-term-too-long = Um termo bloqueado pode ter no máximo { $most } caracteres.
setting-nothing = Nada a alterar: informe pelo menos uma configuração.
setting-invalid-cooldown = O intervalo entre pedidos deve ser de 0 a { $most } segundos.
setting-invalid-strike-limit = O limite de advertências deve ser de 0 a { $most }.
setting-invalid-role-budget = O orçamento de um cargo deve ser de 1 a { $most } créditos.
policy-title = Regras do /imagine neste servidor
policy-budgets = Orçamentos
policy-budgets-value = Servidor: { $credits } por { $period ->
    [day] dia
    [week] semana
   *[month] mês
}
    Cada membro: { $member }
policy-role-budgets = Orçamentos por cargo
policy-role-budget = { $role }: { $credits }
policy-models = Modelos
policy-nsfw-only = Somente NSFW
policy-cooldown = Intervalo entre pedidos
policy-strike-limit = Limite de advertências
policy-audit-channel = Canal de auditoria
policy-blocked-terms = Termos bloqueados
policy-blocked-terms-value = { $count } deste servidor; lista embutida: { $builtin } (fora de canais com restrição de idade)
policy-paused = Membros em pausa
policy-paused-strikes = limite de advertências atingido
policy-queue = Fila
policy-queue-value = { $running } simultâneos, { $member_running } por membro; até { $waiting } esperando, { $member_waiting } por membro
policy-live-queue = Fila agora: { $running } em andamento, { $waiting } esperando
policy-live-member = { $member }: { $running } em andamento, { $waiting } esperando

## Registros no canal da moderação

audit-generated = Geração
audit-edited = Edição
rule-name = { $rule ->
    [paused] membro em pausa
    [channel] não permitido naquele canal
    [role] cargo não permitido
    [nsfw_only] só em canais com restrição de idade
    [model] modelo desativado
    [blocked_term] termo bloqueado
    [cooldown] cedo demais (intervalo entre pedidos)
    [pre_moderation] sinalizado pela verificação de moderação
    [pre_moderation_unavailable] verificação de moderação indisponível
    [quota] acima do orçamento
    [bot_budget] o orçamento do próprio bot acabou
    [queue_full] fila cheia
    [member_queue_full] cota do membro na fila cheia
    [shutting_down] bot reiniciando
   *[other] uma regra
}
audit-refused = Recusa: { $rule }
audit-strike = Advertência
audit-member = Membro
audit-channel = Canal
audit-quality-default = padrão
audit-images = Imagens
audit-credits = Créditos
audit-result = Resultado
audit-jump = [Ir para o resultado]({ $link })
audit-not-delivered = não entregue
audit-why = Motivo
audit-strikes = Advertências neste período
audit-strikes-uncounted = não contadas (o banco de dados estava ocupado)
audit-strikes-count-of = { $count } de { $limit }
audit-paused = Em pausa

## Padrões: /imagine-settings e /imagine-admin defaults

defaults-mine = seus: { $options }
defaults-server = do servidor: { $options }
defaults-both = { $mine }; { $server }
defaults-skipped-mine = Seu modelo padrão `{ $model }` não está disponível aqui agora, então foi ignorado.
defaults-skipped-server = O modelo padrão do servidor, `{ $model }`, não está disponível aqui agora, então foi ignorado.
model-not-offered = { $model } não está disponível neste servidor.
defaults-mine-none = Seus padrões neste servidor: nenhum; o /imagine usa os do servidor e os do catálogo.
defaults-server-none = Padrões deste servidor: nenhum; o /imagine usa os do catálogo.
defaults-mine-shown = Seus padrões neste servidor: { $options }.
defaults-server-shown = Padrões deste servidor: { $options }.
defaults-option = { $option } { $value }
defaults-none-to-clear = Não havia padrões para remover.
defaults-mine-cleared = ✅ Seus padrões foram removidos.
defaults-server-cleared = ✅ Os padrões do servidor foram removidos.

## Histórico e privacidade: /imagine-history, /imagine-forget

history-refused = Só membros com Gerenciar servidor podem ver o histórico de outro membro.
use-again-refused = Você só pode reutilizar seus próprios pedidos.
use-again-gone = Este pedido não está mais no seu histórico; use /imagine de novo.
use-again-placeholder = Usar de novo…
use-again-empty = (vazio)
use-again-description = { $model } · { $size } · { $credits } da última vez
forget-refused = Só quem pediu pode confirmar isto.
forget-confirm = Isto apaga seus prompts e seu histórico do /imagine neste servidor, para sempre: a lista do histórico, os prompts guardados para Refazer e os links para seus resultados. Os créditos que você gastou continuam gastos, e as publicações no canal de auditoria da moderação continuam lá. Aperte **Apagar** para continuar.
button-erase = Apagar
button-previous = Anterior
button-next = Próxima
history-title = Histórico do /imagine
history-mine = Seus pedidos neste servidor, mais recentes primeiro.
history-member = Pedidos de { $member } neste servidor, mais recentes primeiro.
history-page = Página { $page }
history-empty-page = Nada aqui.
history-empty = Nenhum pedido neste servidor ainda.
history-no-prompt = *prompt não está mais guardado*
history-nothing-spent = nada gasto
history-edit = edição
history-refused-rule = recusado: { $rule }
history-pending = em andamento
history-unknown = resultado desconhecido
history-refunded = reembolsado
history-refunded-safety = reembolsado: recusado pelo filtro de segurança do serviço de imagens
history-delivered = entregue
history-delivered-link = entregue ([ir até ele]({ $link }))
forgotten-nothing-mine = Nada a apagar: seu histórico neste servidor está vazio.
forgotten-nothing-member = Nada a apagar: o histórico de { $member } neste servidor está vazio.
forgotten-mine = ✅ { $count ->
    [one] { $count } registro apagado
    [many] { $count } de registros apagados
   *[other] { $count } registros apagados
} do seu histórico neste servidor.
forgotten-member = ✅ { $count ->
    [one] { $count } registro apagado
    [many] { $count } de registros apagados
   *[other] { $count } registros apagados
} do histórico de { $member } neste servidor.

## Listas cortadas para caber numa mensagem

listing-more = …e mais { $count }
quoted = “{ $text }”

## Commands

cmd-imagine = Gerar imagens a partir de uma descrição
cmd-imagine-prompt = O que desenhar, com suas próprias palavras
cmd-imagine-model = Qual modelo de imagem usar
cmd-size = Tamanho da imagem em pixels (as opções dependem do modelo)
cmd-quality = Qualidade da imagem (as opções dependem do modelo)
cmd-count = Quantas imagens (as opções dependem do modelo)
cmd-imagine-aspect = Formato: square (quadrado), portrait (retrato), landscape (paisagem); wide, tall conforme o modelo
cmd-imagine-style = Estilo do DALL·E 3: vivid (vívido) ou natural
cmd-imagine-background = Fundo do GPT Image: auto, opaque (opaco) ou transparent (transparente)
cmd-imagine-output-format = Formato de arquivo do GPT Image: png, webp ou jpeg

cmd-imagine-edit = Editar imagens a partir de uma descrição
cmd-imagine-edit-image = A imagem a editar
cmd-imagine-edit-prompt = O que mudar, com suas próprias palavras
cmd-imagine-edit-image2 = Uma segunda imagem de entrada
cmd-imagine-edit-image3 = Uma terceira imagem de entrada
cmd-imagine-edit-image4 = Uma quarta imagem de entrada
cmd-imagine-edit-mask = Um PNG cujos pixels transparentes marcam o que mudar (do tamanho da primeira imagem)
cmd-imagine-edit-model = Qual modelo de imagem usar (só os que editam)
cmd-imagine-edit-background = Fundo, nos modelos que oferecem (auto, opaque, transparent)
cmd-imagine-edit-output-format = Formato da imagem, nos modelos que oferecem (png, webp, jpeg)
cmd-edit-menu = Editar com imagine

cmd-imagine-history = Seus pedidos anteriores do /imagine neste servidor
cmd-imagine-history-member = De quem é o histórico (o de outro membro exige Gerenciar servidor)
cmd-imagine-forget = Apagar seus prompts e seu histórico do /imagine neste servidor

cmd-imagine-settings = Seus próprios padrões do /imagine neste servidor
cmd-defaults-model = Modelo padrão
cmd-defaults-size = Tamanho padrão em pixels (as opções dependem do modelo)
cmd-defaults-aspect = Formato padrão: square, portrait, landscape, wide, tall
cmd-defaults-quality = Qualidade padrão (as opções dependem do modelo)
cmd-defaults-style = Estilo padrão do DALL·E 3: vivid ou natural
cmd-defaults-clear = Remover todos esses padrões

cmd-imagine-admin = Moderar o /imagine neste servidor (Gerenciar servidor)
cmd-imagine-admin-show = Todas as regras do /imagine deste servidor
cmd-imagine-admin-set = Alterar as configurações de moderação; as omitidas continuam como estão
cmd-imagine-admin-set-audit-channel = Onde cada geração, recusa e advertência é publicada para a moderação
cmd-imagine-admin-set-nsfw-only = Permitir o /imagine só em canais com restrição de idade
cmd-imagine-admin-set-cooldown-seconds = Segundos que um membro espera entre pedidos (exceto quem tem Gerenciar servidor)
cmd-imagine-admin-set-builtin-terms = Bloquear os termos embutidos de sexo e violência fora de canais com restrição de idade
cmd-imagine-admin-set-strike-limit = Recusas de segurança num período depois das quais o membro é pausado (0 = nunca)
cmd-imagine-admin-set-guild-concurrency = Pedidos de imagem simultâneos neste servidor (no máximo o limite do bot)
cmd-imagine-admin-set-member-concurrency = Pedidos de imagem simultâneos por membro (no máximo o limite do bot)
cmd-imagine-admin-set-queue-limit = Pedidos que podem esperar na fila deste servidor (no máximo o limite do bot)
cmd-imagine-admin-defaults = Os padrões do /imagine deste servidor (sem opções: mostrar)
cmd-imagine-admin-blocked = Termos que um prompt não pode conter
cmd-imagine-admin-blocked-add = Bloquear uma palavra ou expressão (um * no final bloqueia o que começa assim)
cmd-imagine-admin-blocked-add-term = Uma palavra ou expressão; `palavra*` também bloqueia palavras que começam assim
cmd-imagine-admin-blocked-remove = Parar de bloquear uma palavra ou expressão
cmd-imagine-admin-blocked-remove-term = A palavra ou expressão, do jeito que foi adicionada
cmd-imagine-admin-blocked-list = Os termos que este servidor bloqueia
cmd-imagine-admin-channels = Onde o /imagine funciona (nenhum na lista: em todo lugar)
cmd-imagine-admin-channels-add = Permitir o /imagine neste canal (e nos tópicos dele)
cmd-imagine-admin-channels-add-channel = Um canal onde o /imagine vai funcionar
cmd-imagine-admin-channels-remove = Tirar um canal da lista
cmd-imagine-admin-channels-remove-channel = O canal a tirar da lista
cmd-imagine-admin-channels-list = Onde o /imagine funciona
cmd-imagine-admin-roles = Quem pode usar o /imagine (nenhum na lista: todos)
cmd-imagine-admin-roles-add = Permitir que membros com este cargo usem o /imagine
cmd-imagine-admin-roles-add-role = Um cargo cujos membros podem usar o /imagine
cmd-imagine-admin-roles-remove = Tirar um cargo da lista
cmd-imagine-admin-roles-remove-role = O cargo a tirar da lista
cmd-imagine-admin-roles-list = Quem pode usar o /imagine
cmd-imagine-admin-models = Quais modelos os membros podem escolher
cmd-imagine-admin-models-enable = Voltar a oferecer um modelo neste servidor
cmd-imagine-admin-models-disable = Deixar de oferecer um modelo neste servidor
cmd-imagine-admin-models-model = Um modelo do catálogo
cmd-imagine-admin-member = Pausar, liberar ou esquecer um membro
cmd-imagine-admin-member-pause = Impedir um membro de usar o /imagine até ser liberado
cmd-imagine-admin-member-pause-member = O membro a pausar
cmd-imagine-admin-member-pause-reason = Motivo mostrado ao membro
cmd-imagine-admin-member-unpause = Deixar um membro usar o /imagine de novo
cmd-imagine-admin-member-unpause-member = O membro a liberar (as advertências dele são perdoadas)
cmd-imagine-admin-member-forget = Apagar aqui os prompts e o histórico de um membro (mesmo que tenha saído)
cmd-imagine-admin-member-forget-user = O membro (ou ex-membro) cujo histórico será apagado

cmd-quota = Créditos de imagem deste servidor
cmd-quota-show = Quantos créditos de imagem restam e quando eles renovam
cmd-quota-set = Alterar os orçamentos de créditos deste servidor (Gerenciar servidor)
cmd-quota-set-guild-credits = Créditos que o servidor inteiro pode gastar por período
cmd-quota-set-member-credits = Créditos que cada membro pode gastar por período (0 = sem orçamento por membro)
cmd-quota-set-period = De quanto em quanto tempo os orçamentos recomeçam
cmd-quota-period-day = dia (renova às 00:00 UTC)
cmd-quota-period-week = semana (renova na segunda-feira às 00:00 UTC)
cmd-quota-period-month = mês (renova no dia 1º às 00:00 UTC)
cmd-quota-reset = Perdoar o uso deste período (Gerenciar servidor)
cmd-quota-reset-member = De quem perdoar o uso (deixe vazio para o servidor inteiro)
cmd-quota-role = Dar a um cargo um orçamento próprio por membro (Gerenciar servidor)
cmd-quota-role-role = Membros com este cargo recebem o orçamento dele em vez do padrão
cmd-quota-role-credits = Créditos por período (deixe vazio para remover o orçamento do cargo)
cmd-usage = Quem usou créditos neste período, e com o quê
