# English (United States): the source catalog. Every other language has the same message ids
# and the same placeholders; a message missing there is said in English and logged once.
#
# Placeholders hold numbers (formatted for the language), Discord markup (<t:…:R> timestamps,
# <@…> mentions, <#…> channels: Discord shows them in the reader's language), names of models,
# options and sizes (never translated), or a phrase made by another message of this file.

## Shared pieces: counts and amounts inside other sentences

credit-amount = { $count ->
    [one] { $count } credit
   *[other] { $count } credits
}
request-amount = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
# Credits, then what they cost the bot's operator (shown to admins where CREDIT_PRICE is set).
credit-amount-priced = { $credits } · { $price }
# A rough duration: under 90 seconds in seconds (a multiple of 5), else in minutes.
duration-seconds = about { $seconds } s
duration-minutes = about { $minutes } min
duration-seconds-bare = { $seconds } s
duration-minutes-bare = { $minutes } min
setting-on = on
setting-off = off
setting-none = none
setting-yes = yes
setting-no = no

## Quota: /quota show, refusals over a budget, /quota set, /quota reset, /quota usage

quota-server-left = Server: **{ $remaining }** of { $limit } left
quota-server-left-used = Server: **{ $remaining }** of { $limit } left; { $used } used
quota-member-left = You: **{ $remaining }** of { $limit } left
# $period is day, week or month (the keys of every { $period -> … }: keep them).
quota-resets = Resets { $resets } (every { $period ->
    [day] day
    [week] week
   *[month] month
}, UTC)
quota-bot-spent = This bot has used its credits for { $period ->
    [day] today
    [week] this week
   *[month] this month
}; try again { $resets }.
# $scope is guild (the server's budget ran out) or member (the member's own); keep the keys.
quota-exceeded = { $scope ->
    [guild] This server has
   *[member] You have
} { $remaining } left and this request costs { $cost }. The quota resets { $resets }. Nothing was spent.
quota-invalid-nothing = Nothing to change: give a server budget, member budget or period.
quota-invalid-period = The period must be day, week or month.
quota-above-ceiling = This server's budget can be at most { $ceiling }: the bot's operator sets that ceiling.
# $budget names the setting: guild_credits or member_credits; keep the keys.
quota-invalid-budget = The { $budget ->
    [guild_credits] server budget
   *[member] per-member budget
} must be a whole number from 0 to { $most } credits.
quota-saved = ✅ Saved. { $summary }
quota-summary = This server may spend **{ $credits }** per { $period ->
    [day] day
    [week] week
   *[month] month
}; { $member }.
quota-summary-member = each member up to **{ $credits }**
quota-summary-no-member = no per-member budget
quota-forgave-everyone = ✅ Forgave { $credits } that everyone in this server used this period.
quota-forgave-member = ✅ Forgave { $credits } that { $member } used this period.
quota-nothing-to-forgive-everyone = Nothing to forgive: everyone in this server used no credits this period.
quota-nothing-to-forgive-member = Nothing to forgive: { $member } used no credits this period.
quota-role-budget-set = ✅ Members with { $role } now get { $credits } per period.
quota-role-budget-removed = ✅ { $role } no longer has its own budget; the member default applies.
quota-role-budget-unchanged = Nothing changed: { $role } has no budget of its own.
usage-title = Credits used this period
usage-summary = **{ $credits }** in { $requests } since { $since }.
usage-resets = Resets { $resets } (every { $period ->
    [day] day
    [week] week
   *[month] month
}, UTC).
# $who is a member mention or a model's name; $credits and $requests come from
# credit-amount (or credit-amount-priced) and request-amount.
usage-line = { $who }: { $credits } ({ $requests })
usage-top-members = Top members
usage-by-model = By model
usage-by-kind = Generations and edits
usage-kind-generation = Generations
usage-kind-edit = Edits
usage-chart = The chart: credits per day (UTC) of this period, stacked by model; below it, the top members' credits.

## Requests: refusals before anything ran, failures, progress, the queue

database-uncounted = The bot's database is busy: these credits are counted as soon as it is back.
bot-restarting = The bot is restarting and stopped your request. Please try again in a minute.
bot-restarting-refused = The bot is restarting and stopped your request. Please try again in a minute. Nothing was spent.
not-started = Discord did not take the bot's answer, so your request did not start. Nothing was spent; please try again.
unexpected-error = Something went wrong on our side. Please try again; admins can find details in the log.
guild-not-approved = This server is not approved to use the bot yet; ask its operator.
database-busy-refused = The bot's database is busy right now. Nothing was spent; please try again in a moment.
queue-not-waiting = Requests do not wait in line in this server, and yours could not start now. Please try again in a few minutes. Nothing was spent.
queue-member-full = You already have { $requests } waiting in line, as many as one member may. Please wait for one to start. Nothing was spent.
queue-full = This server's queue is full ({ $requests } waiting). Please try again in a few minutes. Nothing was spent.
spent-nothing = Nothing was spent.
spent-known = It still cost { $credits }.
spent-maybe = It may have cost { $credits }: the image service may have billed it, so the credits stay spent.
# A failure, then what it cost (spent-nothing, spent-known or spent-maybe).
failure-with-cost = { $failure } { $spent }
progress-generating = 🎨 Generating with { $model }… { $seconds } s
progress-editing = 🎨 Editing with { $model }… { $seconds } s
# $place is 1 for the first in line, 2 for the second…; $ordinal is CLDR's ordinal category
# of $place in this language (one, two, few, many or other), for languages that need it.
queue-place = ⏳ { $ordinal ->
    [one] { $place }st
    [two] { $place }nd
    [few] { $place }rd
   *[other] { $place }th
} in line, { $duration }. Your credits are set aside; Cancel gives them back.
left-line-refused = Your request was taken out of the line before it started: { $why } Nothing was spent.
left-line-timed-out = Your request waited more than { $duration } in line and was cancelled. Nothing was spent; please try again later.
left-line-cancelled = Your request was cancelled before it started. Nothing was spent.
queue-expelled = { $count ->
    [one] { $requests } waiting in line was taken out of it and refunded.
   *[other] { $requests } waiting in line were taken out of it and refunded.
}
cancel-done = ✅ Cancelled: the request left the line and its credits were given back.
cancel-running = ⚠️ This request is already being generated and can no longer be cancelled.
cancel-gone = ⚠️ This request is no longer waiting in line.
cancel-refused = Only the member who asked for this request or a moderator can cancel it.

## The image service's failures

image-content-policy = The image service's safety filter blocked this prompt. Try rewording it.
image-bad-request = The image service rejected this request.
image-bad-parameter = The image service rejected this request: the `{ $param }` option is not accepted.
image-gateway-config = The image service is not set up for this request. A bot admin needs to check the image gateway's configuration.
image-authentication = The bot's image API key was refused by the image service. A bot admin needs to check the key.
image-rate-limited = The image service is busy right now. Please try again in a minute.
image-insufficient-quota = The bot's image service account is out of credit. A bot admin needs to top it up.
image-unavailable = The image service is unavailable right now. Please try again later.
image-timeout = The image service took too long to answer. Please try again later.
image-malformed = The image service sent back something that was not a usable image.
image-edits-unsupported = This image service does not offer edits.
image-edits-unsupported-model = This image service does not offer edits for { $model }. Nothing was spent.

## Results: the public post of images, and its buttons

field-model = Model
field-size = Size
field-aspect = Aspect
field-quality = Quality
field-style = Style
field-background = Background
field-output-format = Output format
result-revised-prompt = Revised prompt
result-cost = Cost: { $credits }
result-defaults-used = Defaults used
result-reencoded = Re-encoded as WebP to fit Discord's upload limit.
result-dropped = { $count ->
    [one] { $count } image the generator sent (and billed) was unusable.
   *[other] { $count } images the generator sent (and billed) were unusable.
}
button-reroll = Re-roll
button-remix = Remix
button-edit = Edit
button-delete = Delete
button-cancel = Cancel
reroll-too-old = This image is too old to re-roll; use /imagine again.
remix-too-old = This image is too old to remix; use /imagine again.
delete-refused = Only the member who asked for this image or a moderator can delete it.
remix-title = Remix
remix-prompt-label = Prompt

## Edits: /imagine-edit, the Edit button and the message menu

edit-no-image = That message has no image attachment to edit.
edit-prompt-label = What to change
edit-modal-title = Edit with imagine
edit-too-large = `{ $file }` is { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB; edits take images up to { NUMBER($limit, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB. Nothing was spent.
edit-not-an-image = `{ $file }` is not a whole PNG, JPEG or WebP image. Nothing was spent.
edit-too-many-pixels = `{ $file }` has too many pixels to edit (at most { $megapixels } megapixels). Nothing was spent.
edit-mask-not-png = The mask is not a PNG. Nothing was spent.
edit-mask-no-alpha = The mask has no transparency (its transparent pixels mark what to change). Nothing was spent.
edit-mask-size = The mask is not the same size as the first image. Nothing was spent.
edit-unreadable = Discord did not hand over `{ $file }`; please try again. Nothing was spent.

## The catalog's refusals of a request's options

rejected-unknown-model = Unknown model `{ $model }`. Choose one of: { $known }.
rejected-empty-prompt = The prompt is empty.
rejected-prompt-too-long = The prompt is { $length } characters; { $model } takes at most { $most }.
rejected-size = { $model } does not offer size `{ $size }`. Allowed: { $allowed }.
rejected-sizes-custom = { $listed }, or any WxH with sides { $least }-{ $most } in steps of { $step }
rejected-too-many-images = { $model } makes 1 to { $most } images per request.
rejected-no-such-option = { $model } has no { $option } option.
rejected-value = { $model } does not offer { $option } `{ $value }`. Allowed: { $allowed }.
rejected-unknown-options = { $model } takes no option { $options }.
rejected-edits-not-offered = { $model } cannot edit images. Nothing was spent.
rejected-too-many-inputs = { $model } edits at most { $most ->
    [one] { $most } image
   *[other] { $most } images
} at once; you gave { $count }. Nothing was spent.
rejected-mask-not-offered = { $model } takes no mask. Nothing was spent.
rejected-aspect-size = Aspect `{ $aspect }` is { $aspect_size } on { $model }, not `{ $size }`: give one of the two.
rejected-extra-conflict = { $model } cannot combine { $when_option } `{ $when_value }` with { $option } `{ $value }`. Allowed with it: { $allowed }.

## discord.py's refusals of a command before it ran

command-missing-permissions = You need the { $permissions } permission to use this command.
command-guild-only = This command works only in a server.
command-cooldown = Slow down: try again in { NUMBER($seconds, maximumFractionDigits: 0) } s.
command-bad-value = `{ $value }` is not a valid value for this option.
command-refused = You can't use this command here.
permission-manage-guild = Manage Server
permission-manage-channels = Manage Channels

## Moderation: rule refusals, /imagine-admin answers, /imagine-admin show

strike-counted = This counts as a strike ({ $count } this period).
strike-counted-of = This counts as a strike ({ $count } of { $limit } this period).
strike-paused = You are now paused from /imagine until a moderator unpauses you.
rule-paused = You are paused from /imagine in this server. A moderator can unpause you.
rule-paused-reason = You are paused from /imagine in this server ({ $reason }). A moderator can unpause you.
rule-paused-strikes = You are paused from /imagine in this server: you reached the strike limit. A moderator can unpause you.
rule-channel = /imagine works only in { $channels } in this server.
rule-role = /imagine is only for members with one of these roles: { $roles }.
rule-nsfw-only = In this server /imagine works only in age-restricted channels.
rule-model-disabled = { $model } is turned off in this server; choose another model.
rule-blocked-term = Your prompt contains a term this server blocks: “{ $term }”.
rule-blocked-builtin-term = Your prompt contains a term this server blocks outside age-restricted channels: “{ $term }”.
rule-cooldown = Slow down: you can use /imagine again { $when }.
rule-flagged = The moderation check flagged this prompt.
rule-moderation-down = The moderation check is unavailable right now. Please try again in a minute.
# Two sentences one after another (a refusal and the strike it cost, a rule saved and the
# requests it sent out of line); Japanese sets them with no space between.
sentences = { $first } { $second }
admin-saved = ✅ Saved. `/imagine-admin show` shows the whole policy.
admin-not-a-model = `{ $model }` is not a model of this bot.
list-blocked = ✅ Blocked { $entry }.
list-unblocked = ✅ Unblocked { $entry }.
list-already-blocked = Nothing changed: { $entry } is already blocked.
list-not-blocked = Nothing changed: { $entry } is not blocked.
list-channel-added = ✅ /imagine now works in { $entry }.
list-role-added = ✅ /imagine is now open to { $entry }.
list-removed = ✅ Removed { $entry }.
list-already-listed = Nothing changed: { $entry } is already listed.
list-not-listed = Nothing changed: { $entry } is not listed.
list-model-disabled = ✅ Disabled { $entry }.
list-model-enabled = ✅ Enabled { $entry }.
list-model-already-disabled = Nothing changed: { $entry } is already disabled.
list-model-already-enabled = Nothing changed: { $entry } is already enabled.
member-paused = ✅ Paused { $member }.
member-already-paused = { $member } is already paused.
member-unpaused = ✅ Unpaused { $member }.
member-not-paused = { $member } is not paused.
entries-terms = Blocked terms
entries-channels = Channels
entries-roles = Roles
entries-no-terms = none
entries-everywhere = everywhere
entries-everyone = everyone
# $limit names the setting; keep the keys.
setting-invalid-queue = { $limit ->
    [guild_concurrency] Requests running at once in the server
    [member_concurrency] Requests running at once per member
   *[queue_limit] Requests waiting in line
} must be from { $least } to { $most } (this bot's own limit). Nothing was changed.
setting-term-empty = A blocked term needs at least one letter or digit.
setting-too-many-terms = This server already has { $most } blocked terms, the most it may: remove one first. Nothing was added.
setting-term-too-long = A blocked term can be at most { $most } characters long.
setting-nothing = Nothing to change: give at least one setting.
setting-invalid-cooldown = The cooldown must be from 0 to { $most } seconds.
setting-invalid-strike-limit = The strike limit must be from 0 to { $most }.
setting-invalid-role-budget = A role's budget must be from 1 to { $most } credits.
policy-title = /imagine policy of this server
policy-budgets = Budgets
policy-budgets-value = Server: { $credits } per { $period ->
    [day] day
    [week] week
   *[month] month
}
    Each member: { $member }
policy-role-budgets = Role budgets
policy-role-budget = { $role }: { $credits }
policy-models = Models
policy-nsfw-only = NSFW only
policy-cooldown = Cooldown
policy-strike-limit = Strike limit
policy-audit-channel = Audit channel
policy-blocked-terms = Blocked terms
policy-blocked-terms-value = { $count } of this server; built-in list { $builtin } (outside age-restricted channels)
policy-paused = Paused members
policy-paused-strikes = strike limit reached
policy-queue = Queue
policy-queue-value = { $running } running at once, { $member_running } per member; up to { $waiting } waiting, { $member_waiting } per member
policy-live-queue = Live queue: { $running } running, { $waiting } waiting
policy-live-member = { $member }: { $running } running, { $waiting } waiting

## Audit posts in the moderators' channel

audit-generated = Generated
audit-edited = Edited
# The rule that refused a request, read by the member in /imagine-history and by moderators
# in audit titles; keep the keys, translate the text.
rule-name = { $rule ->
    [paused] member paused
    [channel] not allowed in that channel
    [role] role not allowed
    [nsfw_only] only in age-restricted channels
    [model] model turned off
    [blocked_term] blocked term
    [cooldown] cooldown
    [pre_moderation] flagged by the moderation check
    [pre_moderation_unavailable] moderation check unavailable
    [quota] over the budget
    [bot_budget] the bot's own budget was spent
    [queue_full] queue full
    [member_queue_full] member's share of the queue full
    [shutting_down] bot restarting
   *[other] a rule
}
# $rule is rule-name, the rule that refused the request.
audit-refused = Refused: { $rule }
audit-strike = Strike
audit-member = Member
audit-channel = Channel
audit-quality-default = default
audit-images = Images
audit-credits = Credits
audit-result = Result
audit-jump = [Jump to the result]({ $link })
audit-not-delivered = not delivered
audit-why = Why
audit-strikes = Strikes this period
audit-strikes-uncounted = not counted (the database was busy)
audit-strikes-count-of = { $count } of { $limit }
audit-paused = Paused

## Defaults: /imagine-settings and /imagine-admin defaults

defaults-mine = yours: { $options }
defaults-server = the server's: { $options }
# The member's defaults and the server's, both used by one request.
defaults-both = { $mine }; { $server }
defaults-skipped-mine = Your default model `{ $model }` is not offered here now, so it was skipped.
defaults-skipped-server = The server's default model `{ $model }` is not offered here now, so it was skipped.
model-not-offered = { $model } is not offered in this server.
defaults-mine-none = Your defaults in this server: none; /imagine uses the server's and the catalog's.
defaults-server-none = This server's defaults: none; /imagine uses the catalog's.
defaults-mine-shown = Your defaults in this server: { $options }.
defaults-server-shown = This server's defaults: { $options }.
# $option is an option's name as members type it (model, size, aspect…): not translated.
defaults-option = { $option } { $value }
defaults-none-to-clear = There were no defaults to clear.
defaults-mine-cleared = ✅ Your defaults are cleared.
defaults-server-cleared = ✅ The server's defaults are cleared.

## History and privacy: /imagine-history, /imagine-forget

history-refused = Only members with Manage Server can see another member's history.
use-again-refused = You can use again only your own requests.
use-again-gone = This request is no longer in your history; use /imagine again.
use-again-placeholder = Use again…
use-again-empty = (empty)
use-again-description = { $model } · { $size } · { $credits } last time
forget-refused = Only the member who asked can confirm this.
forget-confirm = This erases your prompts and your /imagine history in this server, for good: the history list, the prompts kept for Re-roll and the links to your results. Credits you spent stay spent, and posts in the moderators' audit channel stay. Press **Erase** to go ahead.
button-erase = Erase
button-previous = Previous
button-next = Next
history-title = /imagine history
history-mine = Your requests in this server, newest first.
history-member = { $member }'s requests in this server, newest first.
history-page = Page { $page }
history-empty-page = Nothing here.
history-empty = No requests in this server yet.
history-no-prompt = *prompt no longer kept*
history-nothing-spent = nothing spent
history-edit = edit
# $rule is rule-name, the rule that refused the request.
history-refused-rule = refused: { $rule }
history-pending = in progress
history-unknown = outcome unknown
history-refunded = refunded
history-refunded-safety = refunded: refused by the image service's safety filter
history-delivered = delivered
history-delivered-link = delivered ([jump to it]({ $link }))
forgotten-nothing-mine = Nothing to erase: your history in this server is empty.
forgotten-nothing-member = Nothing to erase: { $member }'s history in this server is empty.
forgotten-mine = ✅ Erased { $count ->
    [one] { $count } entry
   *[other] { $count } entries
} of your history in this server.
forgotten-member = ✅ Erased { $count ->
    [one] { $count } entry
   *[other] { $count } entries
} of { $member }'s history in this server.

## Lists cut to fit a message

listing-more = …and { $count } more
# A blocked term or a prompt in a list, in the language's quotation marks.
quoted = “{ $text }”

## Commands
## What Discord shows beside each command, option and choice, and the context menu's name, in the
## member's language (through cogs/command_text.py). Command and option names stay English: they are
## what people type and share. Descriptions and choice names: 1 to 100 characters; the menu's name:
## 1 to 32. Option values a member types (square, vivid, png…) stay as they are in every language.

cmd-imagine = Generate images from a text prompt
cmd-imagine-prompt = What to draw, in your own words
cmd-imagine-model = Which image model to use
cmd-size = Image size in pixels (the choices depend on the model)
cmd-quality = Image quality (the choices depend on the model)
cmd-count = How many images (the choices depend on the model)
cmd-imagine-aspect = Shape: square, portrait, landscape (wide, tall where the model can)
cmd-imagine-style = DALL·E 3's style: vivid or natural
cmd-imagine-background = GPT Image's background: auto, opaque or transparent
cmd-imagine-output-format = GPT Image's file format: png, webp or jpeg

cmd-imagine-edit = Edit images with a text prompt
cmd-imagine-edit-image = The image to edit
cmd-imagine-edit-prompt = What to change, in your own words
cmd-imagine-edit-image2 = A second input image
cmd-imagine-edit-image3 = A third input image
cmd-imagine-edit-image4 = A fourth input image
cmd-imagine-edit-mask = A PNG whose transparent pixels mark what to change (the first image's size)
cmd-imagine-edit-model = Which image model to use (only models that edit)
cmd-imagine-edit-background = Background, for models that offer it (auto, opaque, transparent)
cmd-imagine-edit-output-format = Image format, for models that offer it (png, webp, jpeg)
cmd-edit-menu = Edit with imagine

cmd-imagine-history = Your past /imagine requests in this server
cmd-imagine-history-member = Whose history (another member's needs Manage Server)
cmd-imagine-forget = Erase your prompts and /imagine history in this server

cmd-imagine-settings = Your own /imagine defaults in this server
cmd-defaults-model = Default model
cmd-defaults-size = Default size in pixels (the choices depend on the model)
cmd-defaults-aspect = Default shape: square, portrait, landscape, wide, tall
cmd-defaults-quality = Default quality (the choices depend on the model)
cmd-defaults-style = Default DALL·E 3 style: vivid or natural
cmd-defaults-clear = Remove all these defaults

cmd-imagine-admin = Moderate /imagine in this server (Manage Server)
cmd-imagine-admin-show = This server's whole /imagine policy
cmd-imagine-admin-set = Change moderation settings; left-out ones stay
cmd-imagine-admin-set-audit-channel = Where every generation, refusal and strike is posted for moderators
cmd-imagine-admin-set-nsfw-only = Allow /imagine only in age-restricted channels
cmd-imagine-admin-set-cooldown-seconds = Seconds a member waits between requests (members with Manage Server do not)
cmd-imagine-admin-set-builtin-terms = Block the built-in sexual and gore terms outside age-restricted channels
cmd-imagine-admin-set-strike-limit = Safety refusals in a period after which a member is paused (0 = never)
cmd-imagine-admin-set-guild-concurrency = Image requests running at once in this server (at most the bot's own)
cmd-imagine-admin-set-member-concurrency = Image requests running at once per member (at most the bot's own)
cmd-imagine-admin-set-queue-limit = Requests that may wait in this server's line (at most the bot's own)
cmd-imagine-admin-defaults = This server's /imagine defaults (no option: show)
cmd-imagine-admin-blocked = Terms a prompt may not contain
cmd-imagine-admin-blocked-add = Block a word or phrase (a trailing * blocks prefixes)
cmd-imagine-admin-blocked-add-term = A word or phrase; `word*` also blocks words it begins
cmd-imagine-admin-blocked-remove = Stop blocking a word or phrase
cmd-imagine-admin-blocked-remove-term = The word or phrase, as it was added
cmd-imagine-admin-blocked-list = The terms this server blocks
cmd-imagine-admin-channels = Where /imagine works (none listed: everywhere)
cmd-imagine-admin-channels-add = Let /imagine work in this channel (and its threads)
cmd-imagine-admin-channels-add-channel = A channel where /imagine will work
cmd-imagine-admin-channels-remove = Take a channel off the list
cmd-imagine-admin-channels-remove-channel = The channel to take off the list
cmd-imagine-admin-channels-list = Where /imagine works
cmd-imagine-admin-roles = Who may use /imagine (none listed: everyone)
cmd-imagine-admin-roles-add = Let members with this role use /imagine
cmd-imagine-admin-roles-add-role = A role whose members may use /imagine
cmd-imagine-admin-roles-remove = Take a role off the list
cmd-imagine-admin-roles-remove-role = The role to take off the list
cmd-imagine-admin-roles-list = Who may use /imagine
cmd-imagine-admin-models = Which models members may choose
cmd-imagine-admin-models-enable = Offer a model in this server again
cmd-imagine-admin-models-disable = Stop offering a model in this server
cmd-imagine-admin-models-model = A model from the catalog
cmd-imagine-admin-member = Pause, unpause or forget a member
cmd-imagine-admin-member-pause = Stop a member using /imagine until unpaused
cmd-imagine-admin-member-pause-member = The member to pause
cmd-imagine-admin-member-pause-reason = Shown to the member
cmd-imagine-admin-member-unpause = Let a member use /imagine again
cmd-imagine-admin-member-unpause-member = The member to unpause (their strikes are forgiven)
cmd-imagine-admin-member-forget = Erase a member's prompts and history here (one who left)
cmd-imagine-admin-member-forget-user = The member (or former member) whose history to erase

cmd-quota = Image credits of this server
cmd-quota-show = How many image credits are left, and when they reset
cmd-quota-set = Change this server's credit budgets (Manage Server)
cmd-quota-set-guild-credits = Credits the whole server may spend per period
cmd-quota-set-member-credits = Credits each member may spend per period (0 = no per-member budget)
cmd-quota-set-period = How often the budgets start afresh
cmd-quota-period-day = day (resets at 00:00 UTC)
cmd-quota-period-week = week (resets Monday 00:00 UTC)
cmd-quota-period-month = month (resets on the 1st, 00:00 UTC)
cmd-quota-reset = Forgive this period's use (Manage Server)
cmd-quota-reset-member = Whose use to forgive (leave empty for the whole server)
cmd-quota-role = Give a role its own member budget (Manage Server)
cmd-quota-role-role = Members with this role get its budget instead of the member default
cmd-quota-role-credits = Credits per period (leave empty to remove the role's budget)
cmd-usage = Who and what used credits this period
