"""Incidents: the alerts, errors and log rows of one failure, linked across tools.

Clustering puts one bug's reports in one cluster; an incident puts together the clusters that
fire together on one service (or one trace): a Datadog monitor, a Sentry metric alert, a Splunk
row and the exception behind them. ``rule`` decides, ``step`` runs it in the clustering worker
after each batch, ``manual`` merges and splits by hand. Docs: ``docs/incidents.md``.
"""
