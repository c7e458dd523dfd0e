"""Provides actor extraction: the Arabic and English scanners, the bilingual table, the gazetteer, and the
merge of actors across articles. Import the modules themselves; this file stays empty."""
