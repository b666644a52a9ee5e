"""(ld) Jaywick Imaging, photo triage for motor insurers' claims: ``inference-api``, a Python 3.11
FastAPI service on uvicorn serving PyTorch 2.4 models (a ResNet damage classifier, a U-Net
damage segmenter, a ViT image embedder) and ONNX Runtime 1.19 models (a number-plate detector
and a text recogniser), on the GPU capacity provider (g5 instances) of an ECS cluster whose
tasks log through FireLens, as Jolliffe's do.

Logs: uvicorn's default logging on stderr (``ERROR:    Exception in ASGI application`` and the
traceback) and the team's ``logging.basicConfig`` for its own loggers, as text in FireLens'
``log`` field (``ld-firelens-uvicorn``; Datadog reads the text as the message,
``ld-uvicorn-dd``). Fluent Bit's built-in ``python`` multiline parser joins the traceback from
``Traceback (most recent call last):``; the first task definition had no multiline filter, so
its records hold the exception's last line alone. Splunk: one saved search over the service's
tracebacks. Datadog: one log monitor over the service's errors (the Python pipeline's
``error.kind``/``error.message``) and one for the batch logger pasting the sample. Sentry:
sentry-python's FastAPI integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "inference-api": Service("inference-api", "python", "ld-firelens-uvicorn", "aws:ecs:firelens", "http:fluentbit-ecs", "jw_ml", 10420031, "CPython 3.11.10", framework="fastapi"),
}


def app(module: str, function: str, line: int, context: str) -> Frame:
    return py("jaywick_inference." + module, function, line, context)


THREADPOOL = (
    pylib("starlette.concurrency", "run_in_threadpool", 42, "return await anyio.to_thread.run_sync(func, *args)"),
    pylib("anyio.to_thread", "run_sync", 56, "return await get_async_backend().run_sync_in_worker_thread("),
    pylib("anyio._backends._asyncio", "run_sync_in_worker_thread", 2177, "return await future"),
    pylib("anyio._backends._asyncio", "run", 859, "result = context.run(func, *args)"),
)
CALL = (
    pylib("torch.nn.modules.module", "_wrapped_call_impl", 1553, "return self._call_impl(*args, **kwargs)"),
    pylib("torch.nn.modules.module", "_call_impl", 1562, "return forward_call(*args, **kwargs)"),
)
CONV = (*CALL, pylib("torch.nn.modules.conv", "forward", 458, "return self._conv_forward(input, self.weight, self.bias)"), pylib("torch.nn.modules.conv", "_conv_forward", 454, "return F.conv2d(input, weight, bias, self.stride,"))
RESNET = (*CALL, pylib("torchvision.models.resnet", "forward", 285, "return self._forward_impl(x)"), pylib("torchvision.models.resnet", "_forward_impl", 268, "x = self.conv1(x)"), *CONV)
UNET = (*CALL, app("models.unet", "forward", 61, "x1 = self.inc(x)"), *CALL, app("models.unet", "forward", 24, "return self.double_conv(x)"), *CALL, pylib("torch.nn.modules.container", "forward", 219, "input = module(input)"), *CONV)
ORT_RUN = (app("runtime.onnx", "run", 44, "return self.session.run(None, {self.input_name: batch})"), pylib("onnxruntime.capi.onnxruntime_inference_collection", "run", 220, "return self._sess.run(output_names, input_feed, run_options)"))
PIL_OPEN = app("images", "load_image", 18, "img = Image.open(io.BytesIO(data))")

CLASSIFY = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.classify", "classify", 37, "scores = await run_in_threadpool(classifier.predict, tensor)"), *THREADPOOL, app("models.classifier", "predict", 29, "logits = self.model(batch.to(self.device))"))
SEGMENT = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.segment", "segment", 44, "mask = await run_in_threadpool(segmenter.predict, tensor)"), *THREADPOOL, app("models.segmenter", "predict", 33, "out = self.model(batch.to(self.device))"))
EMBED = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.embed", "embed_batch", 58, "vectors = await run_in_threadpool(embedder.encode, images)"), *THREADPOOL, app("models.embedder", "encode", 41, "features = self.model(pixel_values=stacked.to(self.device))"))
PLATES = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.plates", "read_plate", 31, "boxes = plate_detector.detect(image)"), app("models.plates", "detect", 52, "raw = self.model.run(prepared)"))
OCR = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.plates", "read_plate", 36, "text = recogniser.read(crop)"), app("models.ocr", "read", 39, "logits = self.model.run(strip)"))
LOAD_CLASSIFY = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.classify", "classify", 31, "image = await load_image(upload)"), PIL_OPEN)

ORT = "onnxruntime.capi.onnxruntime_pybind11_state"
OOM = "CUDA out of memory. Tried to allocate {n}.00 MiB. GPU 0 has a total capacity of 22.07 GiB of which {idx}.75 MiB is free. Process {port} has 21.88 GiB memory in use. Of the allocated memory 20.91 GiB is allocated by PyTorch, and 612.33 MiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)"

S_INF = dict(search="inference-api tracebacks", owner="ml_ops", app="jw_ml")
TAIL = dict(kind="tail", release=0)
TEAM = dict(kind="team")
DD = dict(monitor="inference-api: unhandled exceptions", team="ml-platform", filter="service:inference-api source:python status:error", format="ld-uvicorn-dd", text="**{{log.attributes.error.kind}}**: {{log.attributes.error.message}}\n\nhost: {{log.host}}")
DD_BATCH = dict(monitor="inference-api: embedding batches failing", team="ml-platform", filter='service:inference-api "embedding batch"', format="ld-uvicorn-dd", kind="team", text="Embedding batches are failing.\n\n```\n{{log.message}}\n```", sample_lines=2)

BUGS = [
    # RGBA PNGs reach two models' first convolution: the same error text, two endpoints.
    Bug("ld-classify-rgba", "inference-api", (Exc("RuntimeError", "Given groups=1, weight of size [64, 3, 7, 7], expected input[1, 4, 384, 384] to have 3 channels, but got 4 channels instead", (*CLASSIFY, *RESNET)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_INF), see("splunk", **S_INF, **TAIL), see("datadog.log", 2, **DD)),
        classes=(1, 2, 4), pair="ld-segment-rgba", entry="POST /v1/classify"),
    Bug("ld-segment-rgba", "inference-api", (Exc("RuntimeError", "Given groups=1, weight of size [32, 3, 3, 3], expected input[1, 4, 512, 512] to have 3 channels, but got 4 channels instead", (*SEGMENT, *UNET)),),
        (see("sentry.error", 2), see("splunk", 2, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2, 4), pair="ld-classify-rgba", entry="POST /v1/damage/segment"),
    # CUDA out of memory in the embedder's unbounded batches and in the segmenter's upsampling.
    Bug("ld-embed-oom", "inference-api", (Exc("OutOfMemoryError", OOM, (*EMBED, *CALL, pylib("transformers.models.vit.modeling_vit", "forward", 336, "attention_probs = nn.functional.softmax(attention_scores, dim=-1)"), pylib("torch.nn.functional", "softmax", 1890, "ret = input.softmax(dim)")), module="torch.cuda"),),
        (see("sentry.error", 3), see("splunk", 2, **S_INF, **TEAM), see("splunk", **S_INF, **TAIL), see("datadog.log", 2, **DD_BATCH), see("datadog.log", **DD)),
        log="embedding batch {id} failed", logger="jaywick_inference.api.embed", classes=(1, 2, 4), pair="ld-segment-oom", entry="POST /v1/embed/batch"),
    Bug("ld-segment-oom", "inference-api", (Exc("OutOfMemoryError", OOM, (*SEGMENT, *CALL, app("models.unet", "forward", 70, "x = self.up1(x5, x4)"), *CALL, app("models.unet", "forward", 38, "x1 = self.up(x1)"), *CALL, pylib("torch.nn.modules.upsampling", "forward", 159, "return F.interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,"), pylib("torch.nn.functional", "interpolate", 4065, "return torch._C._nn.upsample_bilinear2d(input, output_size, align_corners, scale_factors)")), module="torch.cuda"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2, 4), pair="ld-embed-oom", entry="POST /v1/damage/segment", span=3),
    # Two ONNX models given the wrong input size, both through OnnxModel.run.
    Bug("ld-plate-dims", "inference-api", (Exc("InvalidArgument", "[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Got invalid dimensions for input: images for the following indices\n index: 3 Got: 1280 Expected: 640\n Please fix either the inputs or the model.", (*PLATES, *ORT_RUN), module=ORT),),
        (see("sentry.error", 3), see("splunk", 2, **S_INF), see("splunk", **S_INF, **TAIL), see("datadog.log", 2, **DD)),
        classes=(1, 2, 9), pair="ld-ocr-dims", entry="POST /v1/plates/read"),
    Bug("ld-ocr-dims", "inference-api", (Exc("InvalidArgument", "[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Got invalid dimensions for input: x for the following indices\n index: 2 Got: 64 Expected: 48\n Please fix either the inputs or the model.", (*OCR, *ORT_RUN), module=ORT),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_INF), see("datadog.log", **DD)),
        classes=(1, 2, 9), pair="ld-plate-dims", entry="POST /v1/plates/read"),
    # One image loader, two exceptions from Pillow.
    Bug("ld-image-unidentified", "inference-api", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at 0x7f{hex}>", (*LOAD_CLASSIFY, pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")), module="PIL"),),
        (see("sentry.error", 3), see("splunk", 2, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2, 4), pair="ld-image-bomb", entry="POST /v1/classify"),
    Bug("ld-image-bomb", "inference-api", (Exc("DecompressionBombError", "Image size ({n}326592 pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack.", (*LOAD_CLASSIFY, pylib("PIL.Image", "open", 3489, "im = _open_core("), pylib("PIL.Image", "_open_core", 3476, "_decompression_bomb_check(im.size)"), pylib("PIL.Image", "_decompression_bomb_check", 3376, "raise DecompressionBombError(msg)")), module="PIL.Image"),),
        (see("sentry.error", 2), see("splunk", **S_INF), see("splunk", **S_INF, **TAIL), see("datadog.log", **DD)),
        classes=(1, 2, 4), pair="ld-image-unidentified", entry="POST /v1/classify"),
    # Not pairs.
    Bug("ld-calibration-device", "inference-api", (Exc("RuntimeError", "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument mat1 in method wrapper_CUDA_addmm)", (*CLASSIFY, app("models.classifier", "predict", 31, "probs = self.calibration(logits)"), *CALL, pylib("torch.nn.modules.linear", "forward", 117, "return F.linear(input, self.weight, self.bias)"))),),
        (see("sentry.error", 2, release=2), see("sentry.error", release=1), see("splunk", 2, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2, 5), entry="POST /v1/classify", span=2, renames={"predict": "predict_proba"}),
    Bug("ld-photo-nosuchkey", "inference-api", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, app("api.claims", "triage_claim", 27, "photos = [await fetch_photo(key) for key in req.photo_keys]"), app("storage", "fetch_photo", 15, "obj = s3.get_object(Bucket=PHOTO_BUCKET, Key=key)"), pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("splunk", 2, **S_INF), see("datadog.log", **DD)),
        classes=(1, 2), entry="POST /v1/claims/{claim_id}/triage"),
    Bug("ld-score-nan-json", "inference-api", (Exc("ValueError", "Out of range float values are not JSON compliant", (*FASTAPI_ROUTE, pylib("fastapi.routing", "app", 301, "response = actual_response_class(content, **response_args)"), pylib("starlette.responses", "__init__", 180, "self.body = self.render(content)"), pylib("starlette.responses", "render", 187, "return json.dumps("), pylib("json", "dumps", 238, "**kw).encode(obj)"), pylib("json.encoder", "encode", 200, "chunks = self.iterencode(o, _one_shot=True)"), pylib("json.encoder", "iterencode", 258, "return _iterencode(o, 0)"))),),
        (see("sentry.error", 2), see("splunk", 2, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2), entry="POST /v1/damage/score"),
    Bug("ld-plate-model-missing", "inference-api", (Exc("NoSuchFile", "[ONNXRuntimeError] : 3 : NO_SUCHFILE : Load model from /models/plate-detector/7/model.onnx failed:Load model /models/plate-detector/7/model.onnx failed. File doesn't exist", (pylib("starlette.routing", "lifespan", 732, "async with self.lifespan_context(app) as maybe_state:"), pylib("contextlib", "__aenter__", 210, "return await anext(self.gen)"), app("main", "lifespan", 22, "models.load_all(settings.model_dir)"), app("models", "load_all", 47, "plate_detector = OnnxModel(root / \"plate-detector\" / PLATE_VERSION / \"model.onnx\")"), app("runtime.onnx", "__init__", 21, "self.session = ort.InferenceSession(str(path), providers=PROVIDERS)"), pylib("onnxruntime.capi.onnxruntime_inference_collection", "__init__", 419, "self._create_inference_session(providers, provider_options, disabled_optimizers)"), pylib("onnxruntime.capi.onnxruntime_inference_collection", "_create_inference_session", 472, "sess = C.InferenceSession(session_options, self._model_path, True, self._read_config_from_model)")), module=ORT),),
        (see("splunk", 3, **S_INF), see("datadog.log", 2, **DD)),
        classes=(1, 2)),
    # Model warm-up: the load balancer's health checks answered 503 until the models are on the GPU.
    Bug("ld-healthz-503", "inference-api", (),
        (see("splunk", 3, search="inference-api 5xx", owner="ml_ops", app="jw_ml", line='{"source":"stdout","log":"INFO:     10.60.{idx}.{n}:{port} - \\"GET /healthz HTTP/1.1\\" 503 Service Unavailable","container_id":"{hex}-{id}","container_name":"inference-api","ecs_cluster":"jaywick-inference","ecs_task_arn":"arn:aws:ecs:eu-west-2:552901847316:task/jaywick-inference/{hex}","ecs_task_definition":"inference-api:4{idx}"}'),),
        classes=(7,)),
    Bug("ld-singleton-cudnn", "inference-api", (Exc("RuntimeError", "cuDNN error: CUDNN_STATUS_INTERNAL_ERROR", (*SEGMENT, *UNET)),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/damage/segment"),
]

NOISE = [
    Noise("ld-noise-startup", "inference-api", "splunk", {**S_INF, "line": '{"source":"stderr","log":"INFO:     Application startup complete.","container_id":"9e2b41c07d5f4a83b6c1e0d7a2f95b34-3310582719","container_name":"inference-api","ecs_cluster":"jaywick-inference","ecs_task_arn":"arn:aws:ecs:eu-west-2:552901847316:task/jaywick-inference/9e2b41c07d5f4a83b6c1e0d7a2f95b34","ecs_task_definition":"inference-api:44"}'}),
    Noise("ld-noise-recovered", "inference-api", "datadog.log", {**DD, "text": "[Recovered] inference-api: unhandled exceptions are back to normal.", "transition": "Recovered"}),
]

JAYWICK = Company(
    key="ld",
    name="Jaywick Imaging",
    domain="jaywickimaging.example",
    sentry_org="jaywick-imaging",
    splunk_url="https://splunk.jaywickimaging.example:8000",
    splunk_guid="5E0A93C1-7D24-4B8F-A16E-3C9F02D84B75",
    datadog_org=("1042003", "Jaywick Imaging"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.8.0", "3.9.0", "3.9.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jaywick-sentry-client-secret",
)
# fmt: on
