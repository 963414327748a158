# Deutsch. Dieselben Nachrichten-IDs und Platzhalter wie en-US.ftl, der Quelle.

## Gemeinsame Bausteine: Anzahlen und Beträge in anderen Sätzen

credit-amount = { $count ->
    [one] { $count } Credit
   *[other] { $count } Credits
}
request-amount = { $count ->
    [one] { $count } Anfrage
   *[other] { $count } Anfragen
}
credit-amount-priced = { $credits } · { $price }
duration-seconds = etwa { $seconds } Sek.
duration-minutes = etwa { $minutes } Min.
duration-seconds-bare = { $seconds } Sek.
duration-minutes-bare = { $minutes } Min.
setting-on = an
setting-off = aus
setting-none = keine
setting-yes = ja
setting-no = nein

## Kontingent: /quota show, Ablehnungen über dem Budget, /quota set, /quota reset, /quota usage

quota-server-left = Server: **{ $remaining }** von { $limit } übrig
quota-server-left-used = Server: **{ $remaining }** von { $limit } übrig; { $used } verbraucht
quota-member-left = Du: **{ $remaining }** von { $limit } übrig
quota-resets = Wird { $resets } zurückgesetzt ({ $period ->
    [day] täglich
    [week] wöchentlich
   *[month] monatlich
}, UTC)
quota-bot-spent = Dieser Bot hat seine Credits für { $period ->
    [day] heute
    [week] diese Woche
   *[month] diesen Monat
} aufgebraucht; versuch es { $resets } wieder.
quota-exceeded = { $scope ->
    [guild] Dieser Server hat
   *[member] Du hast
} noch { $remaining } übrig, und diese Anfrage kostet { $cost }. Das Kontingent wird { $resets } zurückgesetzt. Es wurde nichts abgebucht.
quota-invalid-nothing = Nichts zu ändern: Gib ein Server-Budget, ein Budget pro Mitglied oder einen Zeitraum an.
quota-invalid-period = Der Zeitraum muss day, week oder month sein.
quota-above-ceiling = Das Budget dieses Servers darf höchstens { $ceiling } betragen: Diese Obergrenze legt der Betreiber des Bots fest.
quota-invalid-budget = { $budget ->
    [guild_credits] Das Server-Budget
   *[member] Das Budget pro Mitglied
} muss eine ganze Zahl von 0 bis { $most } Credits sein.
quota-saved = ✅ Gespeichert. { $summary }
quota-summary = Dieser Server darf **{ $credits }** pro { $period ->
    [day] Tag
    [week] Woche
   *[month] Monat
} ausgeben; { $member }.
quota-summary-member = jedes Mitglied bis zu **{ $credits }**
quota-summary-no-member = kein Budget pro Mitglied
quota-forgave-everyone = ✅ Der Verbrauch aller Mitglieder dieses Servers in diesem Zeitraum ({ $credits }) wurde erlassen.
quota-forgave-member = ✅ Der Verbrauch von { $member } in diesem Zeitraum ({ $credits }) wurde erlassen.
quota-nothing-to-forgive-everyone = Nichts zu erlassen: Auf diesem Server hat in diesem Zeitraum niemand Credits verbraucht.
quota-nothing-to-forgive-member = Nichts zu erlassen: { $member } hat in diesem Zeitraum keine Credits verbraucht.
quota-role-budget-set = ✅ Mitglieder mit { $role } bekommen jetzt { $credits } pro Zeitraum.
quota-role-budget-removed = ✅ { $role } hat kein eigenes Budget mehr; es gilt der Standard für Mitglieder.
quota-role-budget-unchanged = Nichts geändert: { $role } hat kein eigenes Budget.
usage-title = Verbrauchte Credits in diesem Zeitraum
usage-summary = **{ $credits }** in { $requests } seit { $since }.
usage-resets = Wird { $resets } zurückgesetzt ({ $period ->
    [day] täglich
    [week] wöchentlich
   *[month] monatlich
}, UTC).
usage-line = { $who }: { $credits } ({ $requests })
usage-top-members = Top-Mitglieder
usage-by-model = Nach Modell
usage-by-kind = Erzeugungen und Bearbeitungen
usage-kind-generation = Erzeugungen
usage-kind-edit = Bearbeitungen
usage-chart = Das Diagramm: Credits pro Tag (UTC) in diesem Zeitraum, nach Modell gestapelt; darunter die Credits der Top-Mitglieder.

## Anfragen: Ablehnungen vor dem Start, Fehler, Fortschritt, die Warteschlange

database-uncounted = Die Datenbank des Bots ist ausgelastet: Diese Credits werden gezählt, sobald sie wieder verfügbar ist.
bot-restarting = Der Bot startet neu und hat deine Anfrage abgebrochen. Bitte versuch es in einer Minute noch mal.
bot-restarting-refused = Der Bot startet neu und hat deine Anfrage abgebrochen. Bitte versuch es in einer Minute noch mal. Es wurde nichts abgebucht.
not-started = Discord hat die Antwort des Bots nicht angenommen, deshalb wurde deine Anfrage nicht gestartet. Es wurde nichts abgebucht; bitte versuch es noch mal.
unexpected-error = Bei uns ist etwas schiefgelaufen. Bitte versuch es noch mal; Admins finden Details im Log.
guild-not-approved = Dieser Server ist noch nicht für den Bot freigeschaltet; frag den Betreiber.
database-busy-refused = Die Datenbank des Bots ist gerade ausgelastet. Es wurde nichts abgebucht; bitte versuch es gleich noch mal.
queue-not-waiting = Auf diesem Server gibt es keine Warteschlange, und deine Anfrage konnte gerade nicht starten. Bitte versuch es in ein paar Minuten noch mal. Es wurde nichts abgebucht.
queue-member-full = Du hast schon { $requests } in der Warteschlange, mehr darf ein Mitglied nicht. Bitte warte, bis eine davon startet. Es wurde nichts abgebucht.
queue-full = Die Warteschlange dieses Servers ist mit { $requests } voll. Bitte versuch es in ein paar Minuten noch mal. Es wurde nichts abgebucht.
spent-nothing = Es wurde nichts abgebucht.
spent-known = Das hat trotzdem { $credits } gekostet.
spent-maybe = Das hat möglicherweise { $credits } gekostet: Der Bilddienst hat es eventuell berechnet, daher bleiben die Credits abgebucht.
failure-with-cost = { $failure } { $spent }
progress-generating = 🎨 Wird mit { $model } erzeugt… { $seconds } Sek.
progress-editing = 🎨 Wird mit { $model } bearbeitet… { $seconds } Sek.
queue-place = ⏳ { $ordinal ->
   *[other] Platz { $place }
} in der Warteschlange ({ $duration }). Deine Credits sind reserviert; „Abbrechen“ gibt sie zurück.
left-line-refused = Deine Anfrage wurde aus der Warteschlange genommen, bevor sie gestartet ist: { $why } Es wurde nichts abgebucht.
left-line-timed-out = Deine Anfrage hat länger als { $duration } in der Warteschlange gewartet und wurde abgebrochen. Es wurde nichts abgebucht; bitte versuch es später noch mal.
left-line-cancelled = Deine Anfrage wurde abgebrochen, bevor sie gestartet ist. Es wurde nichts abgebucht.
queue-expelled = { $count ->
    [one] { $requests } wurde aus der Warteschlange genommen und erstattet.
   *[other] { $requests } wurden aus der Warteschlange genommen und erstattet.
}
cancel-done = ✅ Abgebrochen: Die Anfrage hat die Warteschlange verlassen, ihre Credits wurden zurückgegeben.
cancel-running = ⚠️ Diese Anfrage wird schon erzeugt und kann nicht mehr abgebrochen werden.
cancel-gone = ⚠️ Diese Anfrage wartet nicht mehr in der Warteschlange.
cancel-refused = Nur das Mitglied, das diese Anfrage gestellt hat, oder die Moderation kann sie abbrechen.

## Fehler des Bilddienstes

image-content-policy = Der Sicherheitsfilter des Bilddienstes hat diesen Prompt blockiert. Versuch es mit einer anderen Formulierung.
image-bad-request = Der Bilddienst hat diese Anfrage abgelehnt.
image-bad-parameter = Der Bilddienst hat diese Anfrage abgelehnt: Die Option `{ $param }` wird nicht akzeptiert.
image-gateway-config = Der Bilddienst ist für diese Anfrage nicht eingerichtet. Ein Bot-Admin muss die Konfiguration des Bild-Gateways prüfen.
image-authentication = Der Bilddienst hat den API-Schlüssel des Bots abgelehnt. Ein Bot-Admin muss den Schlüssel prüfen.
image-rate-limited = Der Bilddienst ist gerade ausgelastet. Bitte versuch es in einer Minute noch mal.
image-insufficient-quota = Das Guthaben des Bots beim Bilddienst ist aufgebraucht. Ein Bot-Admin muss es aufladen.
image-unavailable = Der Bilddienst ist gerade nicht erreichbar. Bitte versuch es später noch mal.
image-timeout = Der Bilddienst hat zu lange für eine Antwort gebraucht. Bitte versuch es später noch mal.
image-malformed = Der Bilddienst hat etwas zurückgeschickt, das kein brauchbares Bild war.
image-edits-unsupported = Dieser Bilddienst bietet keine Bearbeitung an.
image-edits-unsupported-model = Dieser Bilddienst bietet für { $model } keine Bearbeitung an. Es wurde nichts abgebucht.

## Ergebnisse: der öffentliche Bilder-Post und seine Buttons

field-model = Modell
field-size = Größe
field-aspect = Seitenverhältnis
field-quality = Qualität
field-style = Stil
field-background = Hintergrund
field-output-format = Ausgabeformat
result-revised-prompt = Überarbeiteter Prompt
result-cost = Kosten: { $credits }
result-defaults-used = Verwendete Voreinstellungen
result-reencoded = Als WebP neu kodiert, damit es in Discords Upload-Limit passt.
result-dropped = { $count ->
    [one] { $count } Bild, das der Generator geschickt (und berechnet) hat, war unbrauchbar.
   *[other] { $count } Bilder, die der Generator geschickt (und berechnet) hat, waren unbrauchbar.
}
button-reroll = Neu würfeln
button-remix = Remix
button-edit = Bearbeiten
button-delete = Löschen
button-cancel = Abbrechen
reroll-too-old = Dieses Bild ist zu alt zum Neu-Würfeln; nutze /imagine noch mal.
remix-too-old = Dieses Bild ist zu alt für einen Remix; nutze /imagine noch mal.
delete-refused = Nur das Mitglied, das dieses Bild angefordert hat, oder die Moderation kann es löschen.
remix-title = Remix
remix-prompt-label = Prompt

## Bearbeiten: /imagine-edit, der Button „Bearbeiten“ und das Nachrichtenmenü

edit-no-image = Diese Nachricht hat keinen Bildanhang zum Bearbeiten.
edit-prompt-label = Was geändert werden soll
edit-modal-title = Mit imagine bearbeiten
edit-too-large = `{ $file }` ist { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB groß; bearbeitet werden nur Bilder bis { NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB. Es wurde nichts abgebucht.
edit-not-an-image = `{ $file }` ist kein vollständiges PNG-, JPEG- oder WebP-Bild. Es wurde nichts abgebucht.
edit-too-many-pixels = `{ $file }` hat zu viele Pixel zum Bearbeiten (höchstens { $megapixels } Megapixel). Es wurde nichts abgebucht.
edit-mask-not-png = Die Maske ist kein PNG. Es wurde nichts abgebucht.
edit-mask-no-alpha = Die Maske hat keine Transparenz (ihre transparenten Pixel markieren, was geändert wird). Es wurde nichts abgebucht.
edit-mask-size = Die Maske ist nicht so groß wie das erste Bild. Es wurde nichts abgebucht.
edit-unreadable = Discord hat `{ $file }` nicht übergeben; bitte versuch es noch mal. Es wurde nichts abgebucht.

## Ablehnungen der Optionen einer Anfrage durch den Katalog

rejected-unknown-model = Unbekanntes Modell `{ $model }`. Wähle eines davon: { $known }.
rejected-empty-prompt = Der Prompt ist leer.
rejected-prompt-too-long = Der Prompt hat { $length } Zeichen; { $model } nimmt höchstens { $most }.
rejected-size = { $model } bietet die Größe `{ $size }` nicht an. Erlaubt: { $allowed }.
rejected-sizes-custom = { $listed } oder jedes WxH mit Seiten von { $least } bis { $most } in Schritten von { $step }
rejected-too-many-images = { $model } erzeugt 1 bis { $most } Bilder pro Anfrage.
rejected-no-such-option = { $model } hat keine Option { $option }.
rejected-value = { $model } bietet für { $option } nicht `{ $value }` an. Erlaubt: { $allowed }.
rejected-unknown-options = { $model } kennt keine Option { $options }.
rejected-edits-not-offered = { $model } kann keine Bilder bearbeiten. Es wurde nichts abgebucht.
rejected-too-many-inputs = { $model } bearbeitet höchstens { $most ->
    [one] { $most } Bild
   *[other] { $most } Bilder
} auf einmal; du hast { $count } angegeben. Es wurde nichts abgebucht.
rejected-mask-not-offered = { $model } nimmt keine Maske. Es wurde nichts abgebucht.
rejected-aspect-size = Das Seitenverhältnis `{ $aspect }` ist bei { $model } { $aspect_size }, nicht `{ $size }`: Gib nur eins von beiden an.
rejected-extra-conflict = { $model } kann { $when_option } `{ $when_value }` nicht mit { $option } `{ $value }` kombinieren. Damit erlaubt: { $allowed }.

## Ablehnungen eines Befehls durch discord.py, bevor er lief

command-missing-permissions = Für diesen Befehl brauchst du die Berechtigung „{ $permissions }“.
command-guild-only = Dieser Befehl funktioniert nur auf einem Server.
command-cooldown = Immer mit der Ruhe: Versuch es in { NUMBER($seconds, maximumFractionDigits: 0) } Sek. noch mal.
command-bad-value = `{ $value }` ist kein gültiger Wert für diese Option.
command-refused = Du kannst diesen Befehl hier nicht nutzen.
permission-manage-guild = Server verwalten
permission-manage-channels = Kanäle verwalten

## Moderation: Ablehnungen durch Regeln, Antworten von /imagine-admin, /imagine-admin show

strike-counted = Das zählt als Verwarnung ({ $count } in diesem Zeitraum).
strike-counted-of = Das zählt als Verwarnung ({ $count } von { $limit } in diesem Zeitraum).
strike-paused = Du bist jetzt für /imagine pausiert, bis die Moderation die Pause aufhebt.
rule-paused = Du bist auf diesem Server für /imagine pausiert. Die Moderation kann die Pause aufheben.
rule-paused-reason = Du bist auf diesem Server für /imagine pausiert ({ $reason }). Die Moderation kann die Pause aufheben.
rule-paused-strikes = Du bist auf diesem Server für /imagine pausiert: Du hast das Limit an Verwarnungen erreicht. Die Moderation kann die Pause aufheben.
rule-channel = /imagine funktioniert auf diesem Server nur in { $channels }.
rule-role = /imagine ist nur für Mitglieder mit einer dieser Rollen: { $roles }.
rule-nsfw-only = Auf diesem Server funktioniert /imagine nur in altersbeschränkten Kanälen.
rule-model-disabled = { $model } ist auf diesem Server deaktiviert; wähle ein anderes Modell.
rule-blocked-term = Dein Prompt enthält einen Begriff, den dieser Server sperrt: „{ $term }“.
rule-blocked-builtin-term = Dein Prompt enthält einen Begriff, den dieser Server außerhalb altersbeschränkter Kanäle sperrt: „{ $term }“.
rule-cooldown = Immer mit der Ruhe: Du kannst /imagine { $when } wieder nutzen.
rule-flagged = Die Moderationsprüfung hat diesen Prompt markiert.
rule-moderation-down = Die Moderationsprüfung ist gerade nicht verfügbar. Bitte versuch es in einer Minute noch mal.
sentences = { $first } { $second }
admin-saved = ✅ Gespeichert. `/imagine-admin show` zeigt alle Regeln.
admin-not-a-model = `{ $model }` ist kein Modell dieses Bots.
list-blocked = ✅ { $entry } ist jetzt gesperrt.
list-unblocked = ✅ { $entry } ist nicht mehr gesperrt.
list-already-blocked = Nichts geändert: { $entry } ist schon gesperrt.
list-not-blocked = Nichts geändert: { $entry } ist nicht gesperrt.
list-channel-added = ✅ /imagine funktioniert jetzt in { $entry }.
list-role-added = ✅ /imagine steht jetzt { $entry } offen.
list-removed = ✅ { $entry } wurde entfernt.
list-already-listed = Nichts geändert: { $entry } steht schon auf der Liste.
list-not-listed = Nichts geändert: { $entry } steht nicht auf der Liste.
list-model-disabled = ✅ { $entry } ist jetzt deaktiviert.
list-model-enabled = ✅ { $entry } ist jetzt aktiviert.
list-model-already-disabled = Nichts geändert: { $entry } ist schon deaktiviert.
list-model-already-enabled = Nichts geändert: { $entry } ist schon aktiviert.
member-paused = ✅ { $member } ist jetzt pausiert.
member-already-paused = { $member } ist schon pausiert.
member-unpaused = ✅ Die Pause von { $member } ist aufgehoben.
member-not-paused = { $member } ist nicht pausiert.
entries-terms = Gesperrte Begriffe
entries-channels = Kanäle
entries-roles = Rollen
entries-no-terms = keine
entries-everywhere = überall
entries-everyone = alle
setting-invalid-queue = { $limit ->
    [guild_concurrency] Gleichzeitig laufende Anfragen auf dem Server
    [member_concurrency] Gleichzeitig laufende Anfragen pro Mitglied
   *[queue_limit] Wartende Anfragen in der Warteschlange
}: erlaubt sind { $least } bis { $most } (das Limit dieses Bots). Es wurde nichts geändert.
setting-term-empty = Ein gesperrter Begriff braucht mindestens einen Buchstaben oder eine Ziffer.
setting-too-many-terms = Dieser Server hat schon { $most } gesperrte Begriffe, mehr geht nicht: Entferne zuerst einen. Es wurde nichts hinzugefügt.
setting-term-too-long = Ein gesperrter Begriff darf höchstens { $most } Zeichen lang sein.
setting-nothing = Nichts zu ändern: Gib mindestens eine Einstellung an.
setting-invalid-cooldown = Der Cooldown muss 0 bis { $most } Sekunden betragen.
setting-invalid-strike-limit = Das Verwarnungslimit muss 0 bis { $most } betragen.
setting-invalid-role-budget = Das Budget einer Rolle muss 1 bis { $most } Credits betragen.
policy-title = /imagine-Regeln dieses Servers
policy-budgets = Budgets
policy-budgets-value = Server: { $credits } pro { $period ->
    [day] Tag
    [week] Woche
   *[month] Monat
}
    Jedes Mitglied: { $member }
policy-role-budgets = Rollenbudgets
policy-role-budget = { $role }: { $credits }
policy-models = Modelle
policy-nsfw-only = Nur NSFW
policy-cooldown = Cooldown
policy-strike-limit = Verwarnungslimit
policy-audit-channel = Audit-Kanal
policy-blocked-terms = Gesperrte Begriffe
policy-blocked-terms-value = { $count } eigene; eingebaute Liste: { $builtin } (außerhalb altersbeschränkter Kanäle)
policy-paused = Pausierte Mitglieder
policy-paused-strikes = Limit an Verwarnungen erreicht
policy-queue = Warteschlange
policy-queue-value = { $running } gleichzeitig, { $member_running } pro Mitglied; bis zu { $waiting } wartend, { $member_waiting } pro Mitglied
policy-live-queue = Aktuelle Warteschlange: { $running } laufend, { $waiting } wartend
policy-live-member = { $member }: { $running } laufend, { $waiting } wartend

## Audit-Posts im Kanal der Moderation

audit-generated = Erzeugt
audit-edited = Bearbeitet
rule-name = { $rule ->
    [paused] Mitglied pausiert
    [channel] in diesem Kanal nicht erlaubt
    [role] Rolle nicht erlaubt
    [nsfw_only] nur in altersbeschränkten Kanälen
    [model] Modell deaktiviert
    [blocked_term] gesperrter Begriff
    [cooldown] Cooldown
    [pre_moderation] von der Moderationsprüfung markiert
    [pre_moderation_unavailable] Moderationsprüfung nicht verfügbar
    [quota] über dem Budget
    [bot_budget] das Budget des Bots war aufgebraucht
    [queue_full] Warteschlange voll
    [member_queue_full] Anteil des Mitglieds an der Warteschlange ausgeschöpft
    [shutting_down] Bot startete neu
   *[other] eine Regel
}
audit-refused = Abgelehnt: { $rule }
audit-strike = Verwarnung
audit-member = Mitglied
audit-channel = Kanal
audit-quality-default = Standard
audit-images = Bilder
audit-credits = Credits
audit-result = Ergebnis
audit-jump = [Zum Ergebnis]({ $link })
audit-not-delivered = nicht zugestellt
audit-why = Grund
audit-strikes = Verwarnungen in diesem Zeitraum
audit-strikes-uncounted = nicht gezählt (die Datenbank war ausgelastet)
audit-strikes-count-of = { $count } von { $limit }
audit-paused = Pausiert

## Voreinstellungen: /imagine-settings und /imagine-admin defaults

defaults-mine = deine: { $options }
defaults-server = die des Servers: { $options }
defaults-both = { $mine }; { $server }
defaults-skipped-mine = Dein Standardmodell `{ $model }` wird hier gerade nicht angeboten und wurde deshalb übersprungen.
defaults-skipped-server = Das Standardmodell des Servers, `{ $model }`, wird hier gerade nicht angeboten und wurde deshalb übersprungen.
model-not-offered = { $model } wird auf diesem Server nicht angeboten.
defaults-mine-none = Deine Voreinstellungen auf diesem Server: keine; /imagine nutzt die des Servers und des Katalogs.
defaults-server-none = Voreinstellungen dieses Servers: keine; /imagine nutzt die des Katalogs.
defaults-mine-shown = Deine Voreinstellungen auf diesem Server: { $options }.
defaults-server-shown = Voreinstellungen dieses Servers: { $options }.
defaults-option = { $option } { $value }
defaults-none-to-clear = Es gab keine Voreinstellungen zum Entfernen.
defaults-mine-cleared = ✅ Deine Voreinstellungen wurden entfernt.
defaults-server-cleared = ✅ Die Voreinstellungen des Servers wurden entfernt.

## Verlauf und Datenschutz: /imagine-history, /imagine-forget

history-refused = Nur Mitglieder mit „Server verwalten“ können den Verlauf anderer Mitglieder sehen.
use-again-refused = Du kannst nur deine eigenen Anfragen erneut verwenden.
use-again-gone = Diese Anfrage ist nicht mehr in deinem Verlauf; nutze /imagine noch mal.
use-again-placeholder = Erneut verwenden…
use-again-empty = (leer)
use-again-description = { $model } · { $size } · letztes Mal { $credits }
forget-refused = Nur das Mitglied, das das angefordert hat, kann es bestätigen.
forget-confirm = Das löscht deine Prompts und deinen /imagine-Verlauf auf diesem Server endgültig: die Verlaufsliste, die für „Neu würfeln“ gespeicherten Prompts und die Links zu deinen Ergebnissen. Ausgegebene Credits bleiben ausgegeben, und Posts im Audit-Kanal der Moderation bleiben bestehen. Drück auf **Löschen**, um fortzufahren.
button-erase = Löschen
button-previous = Zurück
button-next = Weiter
history-title = /imagine-Verlauf
history-mine = Deine Anfragen auf diesem Server, neueste zuerst.
history-member = Anfragen von { $member } auf diesem Server, neueste zuerst.
history-page = Seite { $page }
history-empty-page = Hier ist nichts.
history-empty = Noch keine Anfragen auf diesem Server.
history-no-prompt = *Prompt nicht mehr gespeichert*
history-nothing-spent = nichts abgebucht
history-edit = Bearbeitung
history-refused-rule = abgelehnt: { $rule }
history-pending = läuft
history-unknown = Ergebnis unbekannt
history-refunded = erstattet
history-refunded-safety = erstattet: vom Sicherheitsfilter des Bilddienstes abgelehnt
history-delivered = zugestellt
history-delivered-link = zugestellt ([zum Ergebnis]({ $link }))
forgotten-nothing-mine = Nichts zu löschen: Dein Verlauf auf diesem Server ist leer.
forgotten-nothing-member = Nichts zu löschen: Der Verlauf von { $member } auf diesem Server ist leer.
forgotten-mine = ✅ Gelöscht: { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
} aus deinem Verlauf auf diesem Server.
forgotten-member = ✅ Gelöscht: { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
} aus dem Verlauf von { $member } auf diesem Server.

## Listen, gekürzt, damit sie in eine Nachricht passen

listing-more = …und { $count } weitere
quoted = „{ $text }“

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
cmd-quota-period-day = Tag (zurückgesetzt um 00:00 UTC)
cmd-quota-period-week = Woche (zurückgesetzt montags um 00:00 UTC)
cmd-quota-period-month = Monat (zurückgesetzt am 1. um 00:00 UTC)
cmd-quota-reset = Den Verbrauch dieses Zeitraums erlassen („Server verwalten“)
cmd-quota-reset-member = Wem der Verbrauch erlassen wird (leer lassen für den ganzen Server)
cmd-quota-role = Einer Rolle ein eigenes Budget pro Mitglied geben („Server verwalten“)
cmd-quota-role-role = Mitglieder mit dieser Rolle bekommen deren Budget statt des Standards
cmd-quota-role-credits = Credits pro Zeitraum (leer lassen, um das Budget der Rolle zu entfernen)
cmd-usage = Wer in diesem Zeitraum wofür Credits verbraucht hat
