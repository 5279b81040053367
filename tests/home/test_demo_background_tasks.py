"""`make run` on a fresh database: `load_demo_content` queues Wagtail's background tasks
(search index, reference index) in the database, and `manage.py db_worker` then runs
them. None of them may fail, and the pages they index are found by the site search."""

import html

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home.demo.registry import DemoContext
from home.models import StandardPage
from referrals import demo as referrals_demo
from referrals.models import Kind, ReferralFormPage
from tests.home.test_demo_content import delete_document_files, load

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FORM_PAGES = {
    "/orienter-un-jeune/": "orienter jeune",
    "/etre-contacte/": "être contacté",
    "/demander-une-intervention/": "demander intervention",
}


def run_queued_tasks():
    """Run the ready tasks as `manage.py db_worker --batch` does: take one (locked),
    claim it, run it with the worker's own `run_task` (which records SUCCESSFUL or
    FAILED), until none is left. (The command itself also recycles the database
    connection between tasks, which would end the test's transaction.)"""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                return ran
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1


def failures():
    return [
        (result.task_path, result.args_kwargs["args"], result.exception_class_path)
        for result in DBTaskResult.objects.filter(status="FAILED")
    ]


def search_results(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@override_settings(TASKS=DB_TASKS)
def test_the_worker_runs_every_task_of_a_fresh_demo_and_the_forms_are_found(client):
    try:
        load()
    finally:
        delete_document_files()  # the rows go with the test's rollback, not the files
    assert DBTaskResult.objects.ready().exists()  # queued, not run yet

    assert run_queued_tasks() > 0

    assert failures() == []
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    for url, query in FORM_PAGES.items():
        assert f'href="{url}"' in search_results(client, query), url


@override_settings(TASKS=DB_TASKS)
def test_placeholders_of_an_earlier_version_are_turned_without_a_failed_task(home_page):
    """A site built before the referrals app: its worker indexed its placeholders;
    turning them into the forms queues tasks only for rows that exist."""
    for slug, title in (("orienter-un-jeune", "Orienter un jeune"), ("etre-contacte", "Contact")):
        home_page.add_child(instance=StandardPage(title=title, slug=slug)).save_revision().publish()
    run_queued_tasks()
    assert failures() == []

    referrals_demo.load(DemoContext(home=home_page))
    assert run_queued_tasks() > 0

    assert failures() == []
    assert not StandardPage.objects.filter(slug__in=["orienter-un-jeune", "etre-contacte"]).exists()
    assert {page.kind for page in ReferralFormPage.objects.all()} == set(Kind)
