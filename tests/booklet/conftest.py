# The README's pictures of the booklet go where the browser tests' screenshots go.
from tests.browser.conftest import screens  # noqa: F401
