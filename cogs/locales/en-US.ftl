# English (United States): the source catalog. Every other language has the same message ids
# and the same placeholders; a message missing there is said in English and logged once.

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
