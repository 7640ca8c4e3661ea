"""Size limits on requests (documented in docs/serve.md): a body over its limit gets 413."""

MAX_TEXT_BYTES = 1024 * 1024  # POST /api/check and the other JSON endpoints: the whole JSON body
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # POST /api/check-file: the whole multipart body
MAX_FILENAME_CHARS = 255
