# English (United States): the source catalog. Every other language has the same message ids
# and the same placeholders; a message missing there is said in English and logged once.
