"""The warm helper's wire format, on a real socket pair."""

import os
import socket

from glimmers.cli.warm import fingerprint, receive, send


def test_two_messages_sent_at_once_are_read_one_by_one():
    # A quick command's child sends its pid and its exit code almost together.
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    right.settimeout(5)  # a lost message must fail the test, not hang it
    with left, right:
        send(left, {"pid": 123})
        send(left, {"exit": 0})
        assert receive(right) == ({"pid": 123}, [])
        assert receive(right) == ({"exit": 0}, [])
        left.close()
        assert receive(right) == (None, [])


def test_file_descriptors_travel_with_the_request():
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    reading, writing = os.pipe()
    with left, right:
        send(left, {"argv": ["list"], "env": {"X": "é"}}, [writing])
        message, fds = receive(right, with_fds=True)
    assert message == {"argv": ["list"], "env": {"X": "é"}}
    os.write(fds[0], b"through the passed descriptor")
    for fd in (*fds, writing):
        os.close(fd)
    assert os.read(reading, 100) == b"through the passed descriptor"
    os.close(reading)


def test_fingerprint_ignores_per_command_variables_only():
    base = {"GLIMMERS_HOME": "/x", "PATH": "/bin"}
    same = fingerprint(base)
    assert fingerprint({**base, "GLIMMERS_USER": "olena", "GLIMMERS_WARM": "require"}) == same
    assert fingerprint({**base, "DJANGO_SETTINGS_MODULE": "glimmers.settings"}) == same
    assert fingerprint({**base, "PATH": "/usr/bin"}) == same
    assert fingerprint({**base, "DATABASE_URL": "postgresql://x/y"}) != same
    assert fingerprint({**base, "GLIMMERS_PHOTO_MAX_MB": "3"}) != same
