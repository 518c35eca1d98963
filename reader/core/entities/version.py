"""Which tagger found the stored mentions, in a module of its own: a start-up rescan compares it with the cache's
without importing the tagger (its modules, tables and model are loaded only when an article needs tagging)."""

# Changes whenever tag() may give other spans for the same text (a new model file, other rules):
# the library cache then tags every article again.
# 7: names only in English text (CLD2, extract/language.py); model chosen by cross-validation, news rules
# 8: modern organisations and products (modern.py)
# 9: document rules (docrules.py: short forms of a person's name, common words alone); Wi-Fi is no name
# 10: a person's name continued by a capitalised word, names of person words, products, institutions
#     after "the" (namerules.py)
# 11: an institution word between two lower-case words ("a career Army officer"); named days ("Election Day")
#     are MISC (newsrules.py)
TAGGER_VERSION = "11"
