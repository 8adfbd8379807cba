"""Never lose a glimmer: many writers at once, through the web server and the CLI."""

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.process.web import WebClient, running_server

PASSWORD = "the kettle sings softly"
WEB_WRITERS, WEB_SAVES = 8, 12
CLI_WRITERS, CLI_SAVES = 4, 4


def test_every_acknowledged_glimmer_is_kept(instance):
    # CLI writers start cold, then go through the warm helper once it is up: both paths.
    instance.extra_env.update(GLIMMERS_WARM="auto", GLIMMERS_WARM_IDLE="5")
    instance.run("user", "create", "olena", "--password-stdin", input=PASSWORD + "\n", check=True)
    with running_server(instance) as base:

        def web_writer(number):
            client = WebClient(base)
            client.sign_in("olena", PASSWORD)
            acknowledged = []
            for count in range(WEB_SAVES):
                glimmer_id = str(uuid.uuid4())
                status = client.post(
                    "/",
                    {
                        "id": glimmer_id,
                        "text": f"web {number}-{count}",
                        "senses": "sight",
                        "kind": "moment",
                    },
                )
                assert status == 302, f"capture answered {status}"
                acknowledged.append(glimmer_id)
                # a retry of the same form (a double tap, a flaky network) must not double it
                if count % 4 == 0:
                    assert (
                        client.post(
                            "/",
                            {"id": glimmer_id, "text": f"web {number}-{count}", "kind": "moment"},
                        )
                        == 302
                    )
            return acknowledged

        def cli_writer(number):
            acknowledged = []
            for count in range(CLI_SAVES):
                result = instance.run("add", f"cli {number}-{count}", "-s", "hearing")
                assert result.returncode == 0, result.stderr
                assert "locked" not in result.stderr
                acknowledged.append(result.stdout.strip())
            return acknowledged

        with ThreadPoolExecutor(max_workers=WEB_WRITERS + CLI_WRITERS) as pool:
            web = [pool.submit(web_writer, n) for n in range(WEB_WRITERS)]
            cli = [pool.submit(cli_writer, n) for n in range(CLI_WRITERS)]
            acknowledged = [i for future in web + cli for i in future.result()]

    listed = json.loads(instance.run("list", "--json", "-n", "10000", check=True).stdout)
    kept = [record["id"] for record in listed]
    assert len(acknowledged) == WEB_WRITERS * WEB_SAVES + CLI_WRITERS * CLI_SAVES
    assert sorted(kept) == sorted(acknowledged)  # all there, none doubled
