# Français. Mêmes identifiants de message et mêmes variables que en-US.ftl, la source.

## Éléments partagés : quantités et montants dans d'autres phrases

credit-amount = { $count ->
    [one] { $count } crédit
    [many] { $count } de crédits
   *[other] { $count } crédits
}
request-amount = { $count ->
    [one] { $count } demande
    [many] { $count } de demandes
   *[other] { $count } demandes
}
credit-amount-priced = { $credits } · { $price }
duration-seconds = environ { $seconds } s
duration-minutes = environ { $minutes } min
duration-seconds-bare = { $seconds } s
duration-minutes-bare = { $minutes } min
setting-on = activé
setting-off = désactivé
setting-none = aucun
setting-yes = oui
setting-no = non

## Quota : /quota show, refus au-delà d'un budget, /quota set, /quota reset, /quota usage

quota-server-left = Serveur : il reste **{ $remaining }** sur { $limit }
quota-server-left-used = Serveur : il reste **{ $remaining }** sur { $limit } ; consommation : { $used }
quota-member-left = Toi : il reste **{ $remaining }** sur { $limit }
quota-resets = Renouvellement { $resets } (chaque { $period ->
    [day] jour
    [week] semaine
   *[month] mois
}, UTC)
quota-bot-spent = Ce bot a épuisé ses crédits pour { $period ->
    [day] aujourd'hui
    [week] cette semaine
   *[month] ce mois-ci
} ; réessaie { $resets }.
quota-exceeded = { $scope ->
    [guild] Il reste { $remaining } à ce serveur
   *[member] Il te reste { $remaining }
} et cette demande coûte { $cost }. Le quota se renouvelle { $resets }. Rien n'a été dépensé.
quota-invalid-nothing = Rien à modifier : indique un budget de serveur, un budget par membre ou une période.
quota-invalid-period = La période doit être day (jour), week (semaine) ou month (mois).
quota-above-ceiling = Le budget de ce serveur ne peut pas dépasser { $ceiling } : c'est le plafond fixé par l'opérateur du bot.
quota-invalid-budget = Le { $budget ->
    [guild_credits] budget du serveur
   *[member] budget par membre
} doit être un nombre entier de 0 à { $most } crédits.
quota-saved = ✅ Enregistré. { $summary }
quota-summary = Ce serveur peut dépenser **{ $credits }** par { $period ->
    [day] jour
    [week] semaine
   *[month] mois
} ; { $member }.
quota-summary-member = chaque membre jusqu'à **{ $credits }**
quota-summary-no-member = pas de budget par membre
quota-forgave-everyone = ✅ Consommation de cette période annulée pour tout le serveur ({ $credits }).
quota-forgave-member = ✅ Consommation de { $member } sur cette période annulée ({ $credits }).
quota-nothing-to-forgive-everyone = Rien à annuler : personne sur ce serveur n'a utilisé de crédits sur cette période.
quota-nothing-to-forgive-member = Rien à annuler : { $member } n'a utilisé aucun crédit sur cette période.
quota-role-budget-set = ✅ Les membres ayant le rôle { $role } reçoivent désormais { $credits } par période.
quota-role-budget-removed = ✅ { $role } n'a plus de budget propre ; le budget par défaut des membres s'applique.
quota-role-budget-unchanged = Rien n'a changé : { $role } n'a pas de budget propre.
usage-title = Crédits utilisés sur cette période
usage-summary = **{ $credits }** en { $requests } depuis le { $since }.
usage-resets = Renouvellement { $resets } (chaque { $period ->
    [day] jour
    [week] semaine
   *[month] mois
}, UTC).
usage-line = { $who } : { $credits } ({ $requests })
usage-top-members = Membres en tête
usage-by-model = Par modèle
usage-by-kind = Générations et modifications
usage-kind-generation = Générations
usage-kind-edit = Modifications
usage-chart = Le graphique : crédits par jour (UTC) sur cette période, empilés par modèle ; en dessous, les crédits des membres en tête.

## Demandes : refus avant exécution, échecs, progression, file d'attente

database-uncounted = La base de données du bot est occupée : ces crédits seront comptés dès son retour.
bot-restarting = Le bot redémarre et a arrêté ta demande. Réessaie dans une minute.
bot-restarting-refused = Le bot redémarre et a arrêté ta demande. Réessaie dans une minute. Rien n'a été dépensé.
not-started = Discord n'a pas accepté la réponse du bot, ta demande n'a donc pas démarré. Rien n'a été dépensé ; réessaie.
unexpected-error = Un problème est survenu de notre côté. Réessaie ; les admins trouveront les détails dans le journal.
guild-not-approved = Ce serveur n'est pas encore autorisé à utiliser le bot ; demande à l'opérateur du bot.
database-busy-refused = La base de données du bot est occupée pour le moment. Rien n'a été dépensé ; réessaie dans un instant.
queue-not-waiting = Sur ce serveur, les demandes n'attendent pas dans une file, et la tienne n'a pas pu démarrer maintenant. Réessaie dans quelques minutes. Rien n'a été dépensé.
queue-member-full = Tu as déjà { $requests } en attente dans la file, le maximum pour un membre. Attends que l'une d'elles démarre. Rien n'a été dépensé.
queue-full = La file d'attente de ce serveur est pleine ({ $requests } en attente). Réessaie dans quelques minutes. Rien n'a été dépensé.
spent-nothing = Rien n'a été dépensé.
spent-known = Cela a quand même coûté { $credits }.
spent-maybe = Cela a peut-être coûté { $credits } : le service d'images l'a peut-être facturé, donc les crédits restent dépensés.
failure-with-cost = { $failure } { $spent }
progress-generating = 🎨 Génération avec { $model }… { $seconds } s
progress-editing = 🎨 Modification avec { $model }… { $seconds } s
queue-place = ⏳ En { $ordinal ->
    [one] { $place }re
   *[other] { $place }e
} position dans la file, { $duration } d'attente. Tes crédits sont mis de côté ; Annuler te les rend.
left-line-refused = Ta demande a été retirée de la file avant de démarrer : { $why } Rien n'a été dépensé.
left-line-timed-out = Ta demande a attendu plus de { $duration } dans la file et a été annulée. Rien n'a été dépensé ; réessaie plus tard.
left-line-cancelled = Ta demande a été annulée avant de démarrer. Rien n'a été dépensé.
queue-expelled = { $count ->
    [one] { $requests } en attente dans la file en a été retirée et remboursée.
    [many] { $requests } en attente dans la file en ont été retirées et remboursées.
   *[other] { $requests } en attente dans la file en ont été retirées et remboursées.
}
cancel-done = ✅ Annulée : la demande a quitté la file et ses crédits ont été rendus.
cancel-running = ⚠️ Cette demande est déjà en cours de génération et ne peut plus être annulée.
cancel-gone = ⚠️ Cette demande n'est plus dans la file d'attente.
cancel-refused = Seul le membre à l'origine de cette demande ou un modérateur peut l'annuler.

## Échecs du service d'images

image-content-policy = Le filtre de sécurité du service d'images a bloqué ce prompt. Essaie de le reformuler.
image-bad-request = Le service d'images a rejeté cette demande.
image-bad-parameter = Le service d'images a rejeté cette demande : l'option `{ $param }` n'est pas acceptée.
image-gateway-config = Le service d'images n'est pas configuré pour cette demande. Un administrateur du bot doit vérifier la configuration de la passerelle d'images.
image-authentication = Le service d'images a refusé la clé d'API du bot. Un admin du bot doit vérifier la clé.
image-rate-limited = Le service d'images est surchargé pour le moment. Réessaie dans une minute.
image-insufficient-quota = Le compte du bot auprès du service d'images n'a plus de crédit. Un admin du bot doit le recharger.
image-unavailable = Le service d'images est indisponible pour le moment. Réessaie plus tard.
image-timeout = Le service d'images a mis trop de temps à répondre. Réessaie plus tard.
image-malformed = Le service d'images a renvoyé quelque chose qui n'est pas une image utilisable.
image-edits-unsupported = Ce service d'images ne propose pas de modifications.
image-edits-unsupported-model = Ce service d'images ne propose pas de modifications pour { $model }. Rien n'a été dépensé.

## Résultats : la publication des images et ses boutons

field-model = Modèle
field-size = Taille
field-aspect = Format
field-quality = Qualité
field-style = Style
field-background = Arrière-plan
field-output-format = Format de sortie
result-revised-prompt = Prompt révisé
result-cost = Coût : { $credits }
result-defaults-used = Réglages par défaut utilisés
result-reencoded = Conversion en WebP pour respecter la limite d'envoi de Discord.
result-dropped = { $count ->
    [one] { $count } image envoyée (et facturée) par le générateur était inutilisable.
    [many] { $count } d'images envoyées (et facturées) par le générateur étaient inutilisables.
   *[other] { $count } images envoyées (et facturées) par le générateur étaient inutilisables.
}
button-reroll = Relancer
button-remix = Remixer
button-edit = Modifier
button-delete = Supprimer
button-cancel = Annuler
reroll-too-old = Cette image est trop ancienne pour être relancée ; utilise de nouveau /imagine.
remix-too-old = Cette image est trop ancienne pour être remixée ; utilise de nouveau /imagine.
delete-refused = Seul le membre qui a demandé cette image ou un modérateur peut la supprimer.
remix-title = Remix
remix-prompt-label = Prompt

## Modifications : /imagine-edit, le bouton Modifier et le menu des messages

edit-no-image = Ce message n'a aucune image en pièce jointe à modifier.
edit-prompt-label = Ce qu'il faut changer
edit-modal-title = Modifier avec imagine
edit-too-large = `{ $file }` fait { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } Mo ; les modifications acceptent des images jusqu'à { NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) } Mo. Rien n'a été dépensé.
edit-not-an-image = `{ $file }` n'est pas une image PNG, JPEG ou WebP complète. Rien n'a été dépensé.
edit-too-many-pixels = `{ $file }` compte trop de pixels pour une modification (au plus { $megapixels } mégapixels). Rien n'a été dépensé.
edit-mask-not-png = Le masque n'est pas un PNG. Rien n'a été dépensé.
edit-mask-no-alpha = Le masque n'a pas de transparence (ses pixels transparents indiquent quoi changer). Rien n'a été dépensé.
edit-mask-size = Le masque n'a pas la même taille que la première image. Rien n'a été dépensé.
edit-unreadable = Discord n'a pas transmis `{ $file }` ; réessaie. Rien n'a été dépensé.

## Refus des options d'une demande par le catalogue

rejected-unknown-model = Modèle `{ $model }` inconnu. Choisis parmi : { $known }.
rejected-empty-prompt = Le prompt est vide.
rejected-prompt-too-long = Le prompt fait { $length } caractères ; { $model } en accepte au plus { $most }.
rejected-size = { $model } ne propose pas la taille `{ $size }`. Valeurs possibles : { $allowed }.
rejected-sizes-custom = { $listed }, ou toute taille LxH avec des côtés de { $least } à { $most } par pas de { $step }
rejected-too-many-images = { $model } génère de 1 à { $most } images par demande.
rejected-no-such-option = { $model } n'a pas d'option { $option }.
rejected-value = { $model } ne propose pas { $option } `{ $value }`. Valeurs possibles : { $allowed }.
rejected-unknown-options = { $model } n'a pas d'option de ce nom : { $options }.
rejected-edits-not-offered = { $model } ne sait pas modifier d'images. Rien n'a été dépensé.
rejected-too-many-inputs = { $model } modifie au plus { $most ->
    [one] { $most } image
    [many] { $most } d'images
   *[other] { $most } images
} à la fois ; tu en as donné { $count }. Rien n'a été dépensé.
rejected-mask-not-offered = { $model } n'accepte pas de masque. Rien n'a été dépensé.
rejected-aspect-size = Le format `{ $aspect }` correspond à { $aspect_size } sur { $model }, pas à `{ $size }` : indique l'un ou l'autre.
rejected-extra-conflict = { $model } ne peut pas combiner { $when_option } `{ $when_value }` avec { $option } `{ $value }`. Valeurs possibles dans ce cas : { $allowed }.

## Refus d'une commande par discord.py avant son exécution

command-missing-permissions = Il te faut la permission { $permissions } pour utiliser cette commande.
command-guild-only = Cette commande ne fonctionne que sur un serveur.
command-cooldown = Doucement : réessaie dans { NUMBER($seconds, maximumFractionDigits: 0) } s.
command-bad-value = `{ $value }` n'est pas une valeur valide pour cette option.
command-refused = Tu ne peux pas utiliser cette commande ici.
permission-manage-guild = Gérer le serveur
permission-manage-channels = Gérer les salons

## Modération : refus par les règles, réponses de /imagine-admin, /imagine-admin show

strike-counted = Cela compte comme un avertissement ({ $count } sur cette période).
strike-counted-of = Cela compte comme un avertissement ({ $count } sur { $limit } pour cette période).
strike-paused = Tu es désormais en pause pour /imagine jusqu'à ce qu'un modérateur te réactive.
rule-paused = Tu es en pause pour /imagine sur ce serveur. Un modérateur peut te réactiver.
rule-paused-reason = Tu es en pause pour /imagine sur ce serveur ({ $reason }). Un modérateur peut te réactiver.
rule-paused-strikes = Tu es en pause pour /imagine sur ce serveur : tu as atteint la limite d'avertissements. Un modérateur peut te réactiver.
rule-channel = Sur ce serveur, /imagine ne fonctionne que dans { $channels }.
rule-role = /imagine est réservé aux membres ayant l'un de ces rôles : { $roles }.
rule-nsfw-only = Sur ce serveur, /imagine ne fonctionne que dans les salons soumis à une limite d'âge.
rule-model-disabled = { $model } est désactivé sur ce serveur ; choisis un autre modèle.
rule-blocked-term = Ton prompt contient un terme bloqué sur ce serveur : « { $term } ».
rule-blocked-builtin-term = Ton prompt contient un terme bloqué sur ce serveur hors des salons soumis à une limite d'âge : « { $term } ».
rule-cooldown = Doucement : tu pourras réutiliser /imagine { $when }.
rule-flagged = La vérification de modération a signalé ce prompt.
rule-moderation-down = La vérification de modération est indisponible pour le moment. Réessaie dans une minute.
sentences = { $first } { $second }
admin-saved = ✅ Enregistré. `/imagine-admin show` affiche toutes les règles.
admin-not-a-model = `{ $model }` n'est pas un modèle de ce bot.
list-blocked = ✅ Bloqué : { $entry }.
list-unblocked = ✅ Débloqué : { $entry }.
list-already-blocked = Rien n'a changé : { $entry } est déjà bloqué.
list-not-blocked = Rien n'a changé : { $entry } n'est pas bloqué.
list-channel-added = ✅ /imagine fonctionne désormais dans { $entry }.
list-role-added = ✅ /imagine est désormais ouvert à { $entry }.
list-removed = ✅ Retiré : { $entry }.
list-already-listed = Rien n'a changé : { $entry } est déjà dans la liste.
list-not-listed = Rien n'a changé : { $entry } n'est pas dans la liste.
list-model-disabled = ✅ Désactivé : { $entry }.
list-model-enabled = ✅ Activé : { $entry }.
list-model-already-disabled = Rien n'a changé : { $entry } est déjà désactivé.
list-model-already-enabled = Rien n'a changé : { $entry } est déjà activé.
member-paused = ✅ { $member } est en pause.
member-already-paused = { $member } est déjà en pause.
member-unpaused = ✅ Pause levée pour { $member }.
member-not-paused = { $member } n'est pas en pause.
entries-terms = Termes bloqués
entries-channels = Salons
entries-roles = Rôles
entries-no-terms = aucun
entries-everywhere = partout
entries-everyone = tout le monde
setting-invalid-queue = { $limit ->
    [guild_concurrency] Le nombre de demandes simultanées sur le serveur
    [member_concurrency] Le nombre de demandes simultanées par membre
   *[queue_limit] Le nombre de demandes en attente dans la file
} doit être compris entre { $least } et { $most } (la limite de ce bot). Rien n'a été modifié.
setting-term-empty = Un terme bloqué doit contenir au moins une lettre ou un chiffre.
setting-too-many-terms = Ce serveur a déjà { $most } termes bloqués, le maximum : retires-en un d'abord. Rien n'a été ajouté.
setting-term-too-long = Un terme bloqué ne peut pas dépasser { $most } caractères.
setting-nothing = Rien à modifier : indique au moins un réglage.
setting-invalid-cooldown = Le délai d'attente doit être compris entre 0 et { $most } secondes.
setting-invalid-strike-limit = La limite d'avertissements doit être comprise entre 0 et { $most }.
setting-invalid-role-budget = Le budget d'un rôle doit être compris entre 1 et { $most } crédits.
policy-title = Règles /imagine de ce serveur
policy-budgets = Budgets
policy-budgets-value = Serveur : { $credits } par { $period ->
    [day] jour
    [week] semaine
   *[month] mois
}
    Chaque membre : { $member }
policy-role-budgets = Budgets par rôle
policy-role-budget = { $role } : { $credits }
policy-models = Modèles
policy-nsfw-only = NSFW uniquement
policy-cooldown = Délai d'attente
policy-strike-limit = Limite d'avertissements
policy-audit-channel = Salon d'audit
policy-blocked-terms = Termes bloqués
policy-blocked-terms-value = Ce serveur : { $count } ; liste intégrée : { $builtin } (hors des salons soumis à une limite d'âge)
policy-paused = Membres en pause
policy-paused-strikes = limite d'avertissements atteinte
policy-queue = File d'attente
policy-queue-value = { $running } en même temps, { $member_running } par membre ; jusqu'à { $waiting } en attente, { $member_waiting } par membre
policy-live-queue = File en direct : { $running } en cours, { $waiting } en attente
policy-live-member = { $member } : { $running } en cours, { $waiting } en attente

## Publications d'audit dans le salon des modérateurs

audit-generated = Image générée
audit-edited = Image modifiée
rule-name = { $rule ->
    [paused] membre en pause
    [channel] non autorisée dans ce salon
    [role] rôle non autorisé
    [nsfw_only] seulement dans les salons soumis à une limite d'âge
    [model] modèle désactivé
    [blocked_term] terme bloqué
    [cooldown] délai d'attente non écoulé
    [pre_moderation] signalée par la vérification de modération
    [pre_moderation_unavailable] vérification de modération indisponible
    [quota] budget dépassé
    [bot_budget] le budget du bot était épuisé
    [queue_full] file pleine
    [member_queue_full] part de la file du membre pleine
    [shutting_down] redémarrage du bot
   *[other] une règle
}
audit-refused = Refus : { $rule }
audit-strike = Avertissement
audit-member = Membre
audit-channel = Salon
audit-quality-default = par défaut
audit-images = Images
audit-credits = Crédits
audit-result = Résultat
audit-jump = [Aller au résultat]({ $link })
audit-not-delivered = non publié
audit-why = Motif
audit-strikes = Avertissements sur cette période
audit-strikes-uncounted = non comptés (la base de données était occupée)
audit-strikes-count-of = { $count } sur { $limit }
audit-paused = En pause

## Réglages par défaut : /imagine-settings et /imagine-admin defaults

defaults-mine = les tiens : { $options }
defaults-server = ceux du serveur : { $options }
defaults-both = { $mine } ; { $server }
defaults-skipped-mine = Ton modèle par défaut `{ $model }` n'est pas proposé ici pour le moment, il a donc été ignoré.
defaults-skipped-server = Le modèle par défaut du serveur `{ $model }` n'est pas proposé ici pour le moment, il a donc été ignoré.
model-not-offered = { $model } n'est pas proposé sur ce serveur.
defaults-mine-none = Tes réglages par défaut sur ce serveur : aucun ; /imagine utilise ceux du serveur et du catalogue.
defaults-server-none = Réglages par défaut de ce serveur : aucun ; /imagine utilise ceux du catalogue.
defaults-mine-shown = Tes réglages par défaut sur ce serveur : { $options }.
defaults-server-shown = Réglages par défaut de ce serveur : { $options }.
defaults-option = { $option } { $value }
defaults-none-to-clear = Il n'y avait aucun réglage par défaut à supprimer.
defaults-mine-cleared = ✅ Tes réglages par défaut sont supprimés.
defaults-server-cleared = ✅ Les réglages par défaut du serveur sont supprimés.

## Historique et vie privée : /imagine-history, /imagine-forget

history-refused = Seuls les membres ayant la permission Gérer le serveur peuvent voir l'historique d'un autre membre.
use-again-refused = Tu ne peux réutiliser que tes propres demandes.
use-again-gone = Cette demande n'est plus dans ton historique ; utilise de nouveau /imagine.
use-again-placeholder = Réutiliser…
use-again-empty = (vide)
use-again-description = { $model } · { $size } · { $credits } la dernière fois
forget-refused = Seul le membre qui a fait la demande peut confirmer.
forget-confirm = Ceci efface définitivement tes prompts et ton historique /imagine sur ce serveur : la liste de l'historique, les prompts gardés pour Relancer et les liens vers tes résultats. Les crédits dépensés restent dépensés, et les publications dans le salon d'audit des modérateurs restent en place. Appuie sur **Effacer** pour continuer.
button-erase = Effacer
button-previous = Précédent
button-next = Suivant
history-title = Historique /imagine
history-mine = Tes demandes sur ce serveur, des plus récentes aux plus anciennes.
history-member = Demandes de { $member } sur ce serveur, des plus récentes aux plus anciennes.
history-page = Page { $page }
history-empty-page = Rien ici.
history-empty = Aucune demande sur ce serveur pour l'instant.
history-no-prompt = *prompt non conservé*
history-nothing-spent = rien dépensé
history-edit = modification
history-refused-rule = refusée : { $rule }
history-pending = en cours
history-unknown = résultat inconnu
history-refunded = remboursée
history-refunded-safety = remboursée : refusée par le filtre de sécurité du service d'images
history-delivered = publiée
history-delivered-link = publiée ([y aller]({ $link }))
forgotten-nothing-mine = Rien à effacer : ton historique sur ce serveur est vide.
forgotten-nothing-member = Rien à effacer : l'historique de { $member } sur ce serveur est vide.
forgotten-mine = ✅ { $count ->
    [one] { $count } entrée effacée
    [many] { $count } d'entrées effacées
   *[other] { $count } entrées effacées
} de ton historique sur ce serveur.
forgotten-member = ✅ { $count ->
    [one] { $count } entrée effacée
    [many] { $count } d'entrées effacées
   *[other] { $count } entrées effacées
} de l'historique de { $member } sur ce serveur.

## Listes raccourcies pour tenir dans un message

listing-more = …et { $count } de plus
quoted = « { $text } »

## Commands

cmd-imagine = Générer des images à partir d'une description
cmd-imagine-prompt = Ce qu'il faut dessiner, avec tes propres mots
cmd-imagine-model = Le modèle d'image à utiliser
cmd-size = Taille de l'image en pixels (les choix dépendent du modèle)
cmd-quality = Qualité de l'image (les choix dépendent du modèle)
cmd-count = Nombre d'images (les choix dépendent du modèle)
cmd-imagine-aspect = Format : square (carré), portrait, landscape (paysage) ; wide, tall selon le modèle
cmd-imagine-style = Style de DALL·E 3 : vivid (vif) ou natural (naturel)
cmd-imagine-background = Arrière-plan de GPT Image : auto, opaque ou transparent
cmd-imagine-output-format = Format de fichier de GPT Image : png, webp ou jpeg

cmd-imagine-edit = Modifier des images à partir d'une description
cmd-imagine-edit-image = L'image à modifier
cmd-imagine-edit-prompt = Ce qu'il faut changer, avec tes propres mots
cmd-imagine-edit-image2 = Une deuxième image source
cmd-imagine-edit-image3 = Une troisième image source
cmd-imagine-edit-image4 = Une quatrième image source
cmd-imagine-edit-mask = Un PNG dont les pixels transparents indiquent quoi changer (taille de la 1re image)
cmd-imagine-edit-model = Le modèle d'image à utiliser (seulement ceux qui savent modifier)
cmd-imagine-edit-background = Arrière-plan, pour les modèles qui le proposent (auto, opaque, transparent)
cmd-imagine-edit-output-format = Format d'image, pour les modèles qui le proposent (png, webp, jpeg)
cmd-edit-menu = Modifier avec imagine

cmd-imagine-history = Tes anciennes demandes /imagine sur ce serveur
cmd-imagine-history-member = L'historique de qui (celui d'un autre membre demande Gérer le serveur)
cmd-imagine-forget = Effacer tes prompts et ton historique /imagine sur ce serveur

cmd-imagine-settings = Tes propres réglages par défaut de /imagine sur ce serveur
cmd-defaults-model = Modèle par défaut
cmd-defaults-size = Taille par défaut en pixels (les choix dépendent du modèle)
cmd-defaults-aspect = Format par défaut : square, portrait, landscape, wide, tall
cmd-defaults-quality = Qualité par défaut (les choix dépendent du modèle)
cmd-defaults-style = Style DALL·E 3 par défaut : vivid ou natural
cmd-defaults-clear = Supprimer tous ces réglages par défaut

cmd-imagine-admin = Modérer /imagine sur ce serveur (Gérer le serveur)
cmd-imagine-admin-show = Toutes les règles /imagine de ce serveur
cmd-imagine-admin-set = Modifier les réglages de modération ; ceux non indiqués restent inchangés
cmd-imagine-admin-set-audit-channel = Où chaque génération, refus et avertissement est publié pour les modérateurs
cmd-imagine-admin-set-nsfw-only = N'autoriser /imagine que dans les salons soumis à une limite d'âge
cmd-imagine-admin-set-cooldown-seconds = Secondes d'attente entre deux demandes d'un membre (sauf avec Gérer le serveur)
cmd-imagine-admin-set-builtin-terms = Bloquer les termes sexuels et gore intégrés hors des salons soumis à une limite d'âge
cmd-imagine-admin-set-strike-limit = Refus de sécurité sur une période avant qu'un membre soit mis en pause (0 = jamais)
cmd-imagine-admin-set-guild-concurrency = Demandes d'images simultanées sur ce serveur (au plus la limite du bot)
cmd-imagine-admin-set-member-concurrency = Demandes d'images simultanées par membre (au plus la limite du bot)
cmd-imagine-admin-set-queue-limit = Demandes pouvant attendre dans la file de ce serveur (au plus la limite du bot)
cmd-imagine-admin-defaults = Les réglages par défaut de /imagine sur ce serveur (sans option : les afficher)
cmd-imagine-admin-blocked = Termes qu'un prompt ne doit pas contenir
cmd-imagine-admin-blocked-add = Bloquer un mot ou une expression (un * final bloque aussi ce qui commence ainsi)
cmd-imagine-admin-blocked-add-term = Un mot ou une expression ; `mot*` bloque aussi les mots qui commencent ainsi
cmd-imagine-admin-blocked-remove = Ne plus bloquer un mot ou une expression
cmd-imagine-admin-blocked-remove-term = Le mot ou l'expression, tel qu'il a été ajouté
cmd-imagine-admin-blocked-list = Les termes bloqués sur ce serveur
cmd-imagine-admin-channels = Où /imagine fonctionne (aucun salon listé : partout)
cmd-imagine-admin-channels-add = Autoriser /imagine dans ce salon (et ses fils)
cmd-imagine-admin-channels-add-channel = Un salon où /imagine fonctionnera
cmd-imagine-admin-channels-remove = Retirer un salon de la liste
cmd-imagine-admin-channels-remove-channel = Le salon à retirer de la liste
cmd-imagine-admin-channels-list = Où /imagine fonctionne
cmd-imagine-admin-roles = Qui peut utiliser /imagine (aucun rôle listé : tout le monde)
cmd-imagine-admin-roles-add = Permettre aux membres ayant ce rôle d'utiliser /imagine
cmd-imagine-admin-roles-add-role = Un rôle dont les membres peuvent utiliser /imagine
cmd-imagine-admin-roles-remove = Retirer un rôle de la liste
cmd-imagine-admin-roles-remove-role = Le rôle à retirer de la liste
cmd-imagine-admin-roles-list = Qui peut utiliser /imagine
cmd-imagine-admin-models = Les modèles que les membres peuvent choisir
cmd-imagine-admin-models-enable = Proposer de nouveau un modèle sur ce serveur
cmd-imagine-admin-models-disable = Ne plus proposer un modèle sur ce serveur
cmd-imagine-admin-models-model = Un modèle du catalogue
cmd-imagine-admin-member = Mettre en pause, réactiver ou oublier un membre
cmd-imagine-admin-member-pause = Empêcher un membre d'utiliser /imagine jusqu'à la fin de sa pause
cmd-imagine-admin-member-pause-member = Le membre à mettre en pause
cmd-imagine-admin-member-pause-reason = Raison affichée au membre
cmd-imagine-admin-member-unpause = Permettre de nouveau à un membre d'utiliser /imagine
cmd-imagine-admin-member-unpause-member = Le membre à réactiver (ses avertissements sont effacés)
cmd-imagine-admin-member-forget = Effacer ici les prompts et l'historique d'un membre (même parti)
cmd-imagine-admin-member-forget-user = Le membre (ou ancien membre) dont l'historique sera effacé

cmd-quota = Crédits d'images de ce serveur
cmd-quota-show = Combien de crédits d'images il reste, et quand ils se renouvellent
cmd-quota-set = Modifier les budgets de crédits de ce serveur (Gérer le serveur)
cmd-quota-set-guild-credits = Crédits que tout le serveur peut dépenser par période
cmd-quota-set-member-credits = Crédits que chaque membre peut dépenser par période (0 = pas de budget par membre)
cmd-quota-set-period = À quelle fréquence les budgets repartent de zéro
cmd-quota-period-day = jour (renouvelé à 00:00 UTC)
cmd-quota-period-week = semaine (renouvelée le lundi à 00:00 UTC)
cmd-quota-period-month = mois (renouvelé le 1er à 00:00 UTC)
cmd-quota-reset = Annuler la consommation de cette période (Gérer le serveur)
cmd-quota-reset-member = Le membre concerné (laisser vide pour tout le serveur)
cmd-quota-role = Donner à un rôle son propre budget par membre (Gérer le serveur)
cmd-quota-role-role = Les membres ayant ce rôle reçoivent son budget au lieu de celui par défaut
cmd-quota-role-credits = Crédits par période (laisser vide pour retirer le budget du rôle)
cmd-usage = Qui a utilisé des crédits sur cette période, et pour quoi
