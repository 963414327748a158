# 日本語。en-US.ftl からの翻訳: 同じメッセージ ID と同じプレースホルダー。

## Shared pieces: counts and amounts inside other sentences

credit-amount = { $count } クレジット
request-amount = { $count } 件のリクエスト
credit-amount-priced = { $credits } · { $price }

## Quota: /quota show, refusals over a budget, /quota set, /quota reset, /quota usage

quota-server-left = サーバー: 残り **{ $remaining }**（{ $limit } 中）
quota-member-left = あなた: 残り **{ $remaining }**（{ $limit } 中）
quota-resets = { $resets }にリセット（{ $period ->
    [day] 毎日
    [week] 毎週
   *[month] 毎月
}、UTC）

## Requests: refusals before anything ran, failures, progress, the queue

progress-generating = 🎨 { $model } で生成中… { $seconds } 秒

## Results: the public post of images, and its buttons

field-model = モデル
field-size = サイズ
field-quality = 品質
result-cost = コスト: { $credits }
button-reroll = 再生成
button-remix = リミックス
button-edit = 編集
button-delete = 削除
button-cancel = キャンセル

## Moderation: rule refusals, /imagine-admin answers, /imagine-admin show

rule-blocked-term = このサーバーでブロックされている語句がプロンプトに含まれています:「{ $term }」。

## Audit posts in the moderators' channel

audit-generated = 生成
audit-refused = 拒否: { $rule }
audit-member = メンバー
audit-channel = チャンネル
audit-why = 理由

## Commands

cmd-imagine = テキストから画像を生成します
cmd-imagine-prompt = 描いてほしいものを自由な言葉で
cmd-imagine-model = 使用する画像モデル
cmd-size = 画像サイズ（ピクセル、選択肢はモデルによって異なります）
cmd-quality = 画質（選択肢はモデルによって異なります）
cmd-count = 画像の枚数（選択肢はモデルによって異なります）
cmd-imagine-aspect = 形：square（正方形）、portrait（縦長）、landscape（横長）、モデルによってはwide、tall
cmd-imagine-style = DALL·E 3のスタイル：vivid（鮮やか）またはnatural（自然）
cmd-imagine-background = GPT Imageの背景：auto、opaque（不透明）、transparent（透明）
cmd-imagine-output-format = GPT Imageのファイル形式：png、webp、jpeg

cmd-imagine-edit = テキストの指示で画像を編集します
cmd-imagine-edit-image = 編集する画像
cmd-imagine-edit-prompt = 変えたいところを自由な言葉で
cmd-imagine-edit-image2 = 2枚目の入力画像
cmd-imagine-edit-image3 = 3枚目の入力画像
cmd-imagine-edit-image4 = 4枚目の入力画像
cmd-imagine-edit-mask = 透明なピクセルで変更する部分を示すPNG（1枚目の画像と同じサイズ）
cmd-imagine-edit-model = 使用する画像モデル（編集に対応したモデルのみ）
cmd-imagine-edit-background = 背景（対応モデルのみ：auto、opaque、transparent）
cmd-imagine-edit-output-format = 画像形式（対応モデルのみ：png、webp、jpeg）
cmd-edit-menu = imagineで編集

cmd-imagine-history = このサーバーでの過去の/imagineリクエスト
cmd-imagine-history-member = 誰の履歴か（他のメンバーの履歴には「サーバー管理」権限が必要）
cmd-imagine-forget = このサーバーでのあなたのプロンプトと/imagineの履歴を消去します

cmd-imagine-settings = このサーバーでのあなた専用の/imagineの既定値
cmd-defaults-model = 既定のモデル
cmd-defaults-size = 既定のサイズ（ピクセル、選択肢はモデルによって異なります）
cmd-defaults-aspect = 既定の形：square、portrait、landscape、wide、tall
cmd-defaults-quality = 既定の画質（選択肢はモデルによって異なります）
cmd-defaults-style = DALL·E 3の既定のスタイル：vividまたはnatural
cmd-defaults-clear = これらの既定値をすべて削除します

cmd-imagine-admin = このサーバーの/imagineを管理します（サーバー管理権限）
cmd-imagine-admin-show = このサーバーの/imagineのルールをすべて表示します
cmd-imagine-admin-set = モデレーション設定を変更します（指定しない項目はそのまま）
cmd-imagine-admin-set-audit-channel = すべての生成・拒否・警告をモデレーター向けに投稿するチャンネル
cmd-imagine-admin-set-nsfw-only = /imagineを年齢制限チャンネルだけで使えるようにします
cmd-imagine-admin-set-cooldown-seconds = メンバーがリクエストの間に待つ秒数（「サーバー管理」権限があれば待ちません）
cmd-imagine-admin-set-builtin-terms = 年齢制限チャンネル以外で、組み込みの性的・残虐な語句をブロックします
cmd-imagine-admin-set-strike-limit = メンバーが一時停止されるまでの、期間内の安全上の拒否回数（0 = 停止しない）
cmd-imagine-admin-set-guild-concurrency = このサーバーで同時に実行できる画像リクエスト数（ボットの上限まで）
cmd-imagine-admin-set-member-concurrency = メンバーごとに同時に実行できる画像リクエスト数（ボットの上限まで）
cmd-imagine-admin-set-queue-limit = このサーバーの順番待ちに並べるリクエスト数（ボットの上限まで）
cmd-imagine-admin-defaults = このサーバーの/imagineの既定値（オプションなしで表示）
cmd-imagine-admin-blocked = プロンプトに含めてはいけない語句
cmd-imagine-admin-blocked-add = 単語やフレーズをブロックします（末尾の * でその語で始まるものもブロック）
cmd-imagine-admin-blocked-add-term = 単語やフレーズ（`word*` はその語で始まる単語もブロック）
cmd-imagine-admin-blocked-remove = 単語やフレーズのブロックを解除します
cmd-imagine-admin-blocked-remove-term = 追加したときのままの単語やフレーズ
cmd-imagine-admin-blocked-list = このサーバーでブロックしている語句
cmd-imagine-admin-channels = /imagineを使えるチャンネル（登録がなければどこでも）
cmd-imagine-admin-channels-add = このチャンネル（とそのスレッド）で/imagineを使えるようにします
cmd-imagine-admin-channels-add-channel = /imagineを使えるようにするチャンネル
cmd-imagine-admin-channels-remove = チャンネルをリストから外します
cmd-imagine-admin-channels-remove-channel = リストから外すチャンネル
cmd-imagine-admin-channels-list = /imagineを使えるチャンネルを表示します
cmd-imagine-admin-roles = /imagineを使えるロール（登録がなければ全員）
cmd-imagine-admin-roles-add = このロールのメンバーが/imagineを使えるようにします
cmd-imagine-admin-roles-add-role = メンバーが/imagineを使えるようになるロール
cmd-imagine-admin-roles-remove = ロールをリストから外します
cmd-imagine-admin-roles-remove-role = リストから外すロール
cmd-imagine-admin-roles-list = /imagineを使えるロールを表示します
cmd-imagine-admin-models = メンバーが選べるモデル
cmd-imagine-admin-models-enable = このサーバーでモデルを再び使えるようにします
cmd-imagine-admin-models-disable = このサーバーでモデルを使えないようにします
cmd-imagine-admin-models-model = カタログにあるモデル
cmd-imagine-admin-member = メンバーの一時停止・再開・データ消去
cmd-imagine-admin-member-pause = 再開するまでメンバーが/imagineを使えないようにします
cmd-imagine-admin-member-pause-member = 一時停止するメンバー
cmd-imagine-admin-member-pause-reason = メンバーに表示される理由
cmd-imagine-admin-member-unpause = メンバーが再び/imagineを使えるようにします
cmd-imagine-admin-member-unpause-member = 再開するメンバー（警告は取り消されます）
cmd-imagine-admin-member-forget = このサーバーでのメンバーのプロンプトと履歴を消去します（退出したメンバーも可）
cmd-imagine-admin-member-forget-user = 履歴を消去するメンバー（元メンバーも可）

cmd-quota = このサーバーの画像クレジット
cmd-quota-show = 残りの画像クレジットと、次にリセットされる日時
cmd-quota-set = このサーバーのクレジット予算を変更します（サーバー管理権限）
cmd-quota-set-guild-credits = サーバー全体が期間ごとに使えるクレジット
cmd-quota-set-member-credits = 各メンバーが期間ごとに使えるクレジット（0 = メンバーごとの予算なし）
cmd-quota-set-period = 予算がリセットされる間隔
cmd-quota-period-day = 日（毎日 00:00 UTC にリセット）
cmd-quota-period-week = 週（毎週月曜 00:00 UTC にリセット）
cmd-quota-period-month = 月（毎月1日 00:00 UTC にリセット）
cmd-quota-reset = この期間の使用分を帳消しにします（サーバー管理権限）
cmd-quota-reset-member = 使用分を帳消しにするメンバー（空欄ならサーバー全体）
cmd-quota-role = ロールに専用のメンバー予算を設定します（サーバー管理権限）
cmd-quota-role-role = このロールのメンバーには、既定の代わりにこのロールの予算が適用されます
cmd-quota-role-credits = 期間ごとのクレジット（空欄ならロールの予算を削除）
cmd-usage = この期間に誰が何にクレジットを使ったか
