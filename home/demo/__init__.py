"""Demo content of the public site, built by `manage.py load_demo_content`.

`content` holds the French texts as plain data (taken from the association's public
documents); `build` turns them into published Wagtail pages and site settings.
"""
