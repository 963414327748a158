# Français. Mêmes identifiants de message et mêmes variables que en-US.ftl, la source.

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
