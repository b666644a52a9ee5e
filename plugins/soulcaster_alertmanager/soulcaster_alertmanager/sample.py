"""A realistic delivery for "send test webhook": Alertmanager's webhook (payload version 4)."""

from __future__ import annotations

from typing import Any

SAMPLE_GROUP: dict[str, Any] = {
    "version": "4",
    "groupKey": '{}:{alertname="KubePodCrashLooping"}',
    "truncatedAlerts": 0,
    "status": "firing",
    "receiver": "soulcaster",
    "groupLabels": {"alertname": "KubePodCrashLooping"},
    "commonLabels": {"alertname": "KubePodCrashLooping", "severity": "warning"},
    "commonAnnotations": {},
    "externalURL": "https://alertmanager.example.com",
    "alerts": [
        {
            "status": "firing",
            "labels": {
                "alertname": "KubePodCrashLooping",
                "severity": "warning",
                "namespace": "shop",
                "pod": "checkout-7d9f8c6b5-x2k4q",
                "container": "checkout",
                "service": "checkout",
                "env": "production",
            },
            "annotations": {
                "summary": "Pod shop/checkout-7d9f8c6b5-x2k4q is crash looping",
                "description": "Container checkout restarted 6 times in the last 10 minutes.",
                "runbook_url": "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping",
            },
            "startsAt": "2024-05-01T11:50:03.157Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "https://prometheus.example.com/graph?g0.expr=kube_pod_container_status_restarts_total",
            "fingerprint": "5f0c2e8a9b1d3c47",
        },
        {
            "status": "firing",
            "labels": {
                "alertname": "KubePodCrashLooping",
                "severity": "warning",
                "namespace": "shop",
                "pod": "payments-5c6b2d4f8-q8w7e",
                "container": "payments",
                "service": "payments",
                "env": "production",
            },
            "annotations": {
                "summary": "Pod shop/payments-5c6b2d4f8-q8w7e is crash looping",
                "description": "Container payments restarted 4 times in the last 10 minutes.",
            },
            "startsAt": "2024-05-01T11:52:18.004Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "https://prometheus.example.com/graph?g0.expr=kube_pod_container_status_restarts_total",
            "fingerprint": "a7b6c5d4e3f21098",
        },
    ],
}
