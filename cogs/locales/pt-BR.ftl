# Português (Brasil). Os mesmos identificadores de mensagem e variáveis de en-US.ftl, o original.

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
