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
