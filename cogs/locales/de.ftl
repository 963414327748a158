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
