"""Demo content of the public site, built by `manage.py load_demo_content`.

`content` holds the French texts as plain data (taken from the association's public
documents): pages, programmes, impact figures, partners and kits; `build` turns them
into published Wagtail pages, snippets, documents (the PDFs of `files/`, made by
scripts/make_demo_pdfs.py) and site settings; `typography` adds French non-breaking
spaces.
"""
