# Deutsch. Übersetzt aus en-US.ftl: dieselben Nachrichten-IDs und dieselben Platzhalter.

## Shared pieces: counts and amounts inside other sentences

credit-amount = { $count ->
    [one] { $count } Credit
   *[other] { $count } Credits
}
request-amount = { $count ->
    [one] { $count } Anfrage
   *[other] { $count } Anfragen
}
credit-amount-priced = { $credits } · { $price }
spent-nothing = Es wurde nichts verbraucht.

## Moderation: rule refusals, /imagine-admin answers, /imagine-admin show

rule-blocked-term = Dein Prompt enthält einen Begriff, den dieser Server sperrt: „{ $term }“.
rule-blocked-builtin-term = Dein Prompt enthält einen Begriff, den dieser Server außerhalb von altersbeschränkten Kanälen sperrt: „{ $term }“.

## Commands

cmd-imagine = Bilder aus einer Textbeschreibung erzeugen
cmd-imagine-prompt = Was gezeichnet werden soll, in deinen eigenen Worten
cmd-imagine-model = Welches Bildmodell verwendet wird
cmd-size = Bildgröße in Pixeln (die Auswahl hängt vom Modell ab)
cmd-quality = Bildqualität (die Auswahl hängt vom Modell ab)
cmd-count = Wie viele Bilder (die Auswahl hängt vom Modell ab)
cmd-imagine-aspect = Form: square (quadratisch), portrait (hoch), landscape (quer); wide, tall je nach Modell
cmd-imagine-style = Stil von DALL·E 3: vivid (lebendig) oder natural (natürlich)
cmd-imagine-background = Hintergrund bei GPT Image: auto, opaque (deckend) oder transparent
cmd-imagine-output-format = Dateiformat bei GPT Image: png, webp oder jpeg

cmd-imagine-edit = Bilder mit einer Textbeschreibung bearbeiten
cmd-imagine-edit-image = Das Bild, das bearbeitet werden soll
cmd-imagine-edit-prompt = Was geändert werden soll, in deinen eigenen Worten
cmd-imagine-edit-image2 = Ein zweites Eingabebild
cmd-imagine-edit-image3 = Ein drittes Eingabebild
cmd-imagine-edit-image4 = Ein viertes Eingabebild
cmd-imagine-edit-mask = Ein PNG, dessen transparente Pixel zeigen, was sich ändert (so groß wie das erste Bild)
cmd-imagine-edit-model = Welches Bildmodell verwendet wird (nur Modelle, die bearbeiten können)
cmd-imagine-edit-background = Hintergrund, bei Modellen, die ihn anbieten (auto, opaque, transparent)
cmd-imagine-edit-output-format = Bildformat, bei Modellen, die es anbieten (png, webp, jpeg)
cmd-edit-menu = Mit imagine bearbeiten

cmd-imagine-history = Deine bisherigen /imagine-Anfragen auf diesem Server
cmd-imagine-history-member = Wessen Verlauf (für andere Mitglieder brauchst du „Server verwalten“)
cmd-imagine-forget = Deine Prompts und deinen /imagine-Verlauf auf diesem Server löschen

cmd-imagine-settings = Deine eigenen /imagine-Voreinstellungen auf diesem Server
cmd-defaults-model = Standardmodell
cmd-defaults-size = Standardgröße in Pixeln (die Auswahl hängt vom Modell ab)
cmd-defaults-aspect = Standardform: square, portrait, landscape, wide, tall
cmd-defaults-quality = Standardqualität (die Auswahl hängt vom Modell ab)
cmd-defaults-style = Standardstil für DALL·E 3: vivid oder natural
cmd-defaults-clear = Alle diese Voreinstellungen entfernen

cmd-imagine-admin = /imagine auf diesem Server moderieren („Server verwalten“)
cmd-imagine-admin-show = Alle /imagine-Regeln dieses Servers
cmd-imagine-admin-set = Moderationseinstellungen ändern; nicht angegebene bleiben, wie sie sind
cmd-imagine-admin-set-audit-channel = Wo jede Erzeugung, Ablehnung und Verwarnung für die Moderation gepostet wird
cmd-imagine-admin-set-nsfw-only = /imagine nur in altersbeschränkten Kanälen erlauben
cmd-imagine-admin-set-cooldown-seconds = Sekunden, die ein Mitglied zwischen Anfragen wartet (nicht mit „Server verwalten“)
cmd-imagine-admin-set-builtin-terms = Eingebaute Begriffe zu Sex und Gewalt außerhalb altersbeschränkter Kanäle sperren
cmd-imagine-admin-set-strike-limit = Sicherheitsablehnungen pro Zeitraum, nach denen ein Mitglied pausiert wird (0 = nie)
cmd-imagine-admin-set-guild-concurrency = Gleichzeitig laufende Bildanfragen auf diesem Server (höchstens das Limit des Bots)
cmd-imagine-admin-set-member-concurrency = Gleichzeitig laufende Bildanfragen pro Mitglied (höchstens das Limit des Bots)
cmd-imagine-admin-set-queue-limit = Anfragen, die in der Warteschlange dieses Servers warten dürfen (höchstens das Bot-Limit)
cmd-imagine-admin-defaults = Die /imagine-Voreinstellungen dieses Servers (ohne Option: anzeigen)
cmd-imagine-admin-blocked = Begriffe, die ein Prompt nicht enthalten darf
cmd-imagine-admin-blocked-add = Ein Wort oder eine Wendung sperren (ein * am Ende sperrt alles, was so beginnt)
cmd-imagine-admin-blocked-add-term = Ein Wort oder eine Wendung; `wort*` sperrt auch Wörter, die so beginnen
cmd-imagine-admin-blocked-remove = Ein Wort oder eine Wendung nicht mehr sperren
cmd-imagine-admin-blocked-remove-term = Das Wort oder die Wendung, genau wie hinzugefügt
cmd-imagine-admin-blocked-list = Die Begriffe, die dieser Server sperrt
cmd-imagine-admin-channels = Wo /imagine funktioniert (keiner eingetragen: überall)
cmd-imagine-admin-channels-add = /imagine in diesem Kanal (und seinen Threads) erlauben
cmd-imagine-admin-channels-add-channel = Ein Kanal, in dem /imagine funktionieren soll
cmd-imagine-admin-channels-remove = Einen Kanal von der Liste nehmen
cmd-imagine-admin-channels-remove-channel = Der Kanal, der von der Liste soll
cmd-imagine-admin-channels-list = Wo /imagine funktioniert
cmd-imagine-admin-roles = Wer /imagine nutzen darf (keine eingetragen: alle)
cmd-imagine-admin-roles-add = Mitgliedern mit dieser Rolle /imagine erlauben
cmd-imagine-admin-roles-add-role = Eine Rolle, deren Mitglieder /imagine nutzen dürfen
cmd-imagine-admin-roles-remove = Eine Rolle von der Liste nehmen
cmd-imagine-admin-roles-remove-role = Die Rolle, die von der Liste soll
cmd-imagine-admin-roles-list = Wer /imagine nutzen darf
cmd-imagine-admin-models = Welche Modelle Mitglieder wählen dürfen
cmd-imagine-admin-models-enable = Ein Modell auf diesem Server wieder anbieten
cmd-imagine-admin-models-disable = Ein Modell auf diesem Server nicht mehr anbieten
cmd-imagine-admin-models-model = Ein Modell aus dem Katalog
cmd-imagine-admin-member = Ein Mitglied pausieren, wieder zulassen oder vergessen
cmd-imagine-admin-member-pause = Ein Mitglied von /imagine ausschließen, bis die Pause endet
cmd-imagine-admin-member-pause-member = Das Mitglied, das pausiert wird
cmd-imagine-admin-member-pause-reason = Wird dem Mitglied angezeigt
cmd-imagine-admin-member-unpause = Ein Mitglied /imagine wieder nutzen lassen
cmd-imagine-admin-member-unpause-member = Das Mitglied, dessen Pause endet (seine Verwarnungen verfallen)
cmd-imagine-admin-member-forget = Prompts und Verlauf eines Mitglieds hier löschen (auch eines ehemaligen)
cmd-imagine-admin-member-forget-user = Das (auch ehemalige) Mitglied, dessen Verlauf gelöscht wird

cmd-quota = Bild-Credits dieses Servers
cmd-quota-show = Wie viele Bild-Credits noch übrig sind und wann sie zurückgesetzt werden
cmd-quota-set = Die Credit-Budgets dieses Servers ändern („Server verwalten“)
cmd-quota-set-guild-credits = Credits, die der ganze Server pro Zeitraum ausgeben darf
cmd-quota-set-member-credits = Credits, die jedes Mitglied pro Zeitraum ausgeben darf (0 = kein Budget pro Mitglied)
cmd-quota-set-period = Wie oft die Budgets neu beginnen
cmd-quota-period-day = Tag (Neustart um 00:00 UTC)
cmd-quota-period-week = Woche (Neustart montags um 00:00 UTC)
cmd-quota-period-month = Monat (Neustart am 1. um 00:00 UTC)
cmd-quota-reset = Den Verbrauch dieses Zeitraums erlassen („Server verwalten“)
cmd-quota-reset-member = Wem der Verbrauch erlassen wird (leer lassen für den ganzen Server)
cmd-quota-role = Einer Rolle ein eigenes Budget pro Mitglied geben („Server verwalten“)
cmd-quota-role-role = Mitglieder mit dieser Rolle bekommen deren Budget statt des Standards
cmd-quota-role-credits = Credits pro Zeitraum (leer lassen, um das Budget der Rolle zu entfernen)
cmd-usage = Wer in diesem Zeitraum wofür Credits verbraucht hat
