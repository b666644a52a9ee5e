"""Write the labelled webhook corpus: ``webhooks-dev.jsonl`` and ``webhooks-test.jsonl``
(companies a, b, c), or, with ``--holdout``, ``webhooks-holdout.jsonl`` (companies d, e), or,
with ``--final``, ``webhooks-final.jsonl`` (companies f, g), or, with ``--blind``,
``webhooks-blind.jsonl`` (companies h, i), or, with ``--blind2``, ``webhooks-blind2.jsonl``
(companies j, k, l), or, with ``--blind3``, ``webhooks-blind3.jsonl`` (companies m, n, o),
or, with ``--blind4``, ``webhooks-blind4.jsonl`` (companies p, q, r), or, with ``--blind5``,
``webhooks-blind5.jsonl`` (companies s, t, u), or, with ``--blind6``, ``webhooks-blind6.jsonl``
(companies v, w, x), or, with ``--blind7``, ``webhooks-blind7.jsonl`` (companies x, y, z;
its x is another company than blind6's), or, with ``--blind8``, ``webhooks-blind8.jsonl``
(companies aa, ab, ac), or, with ``--blind9``, ``webhooks-blind9.jsonl`` (companies ad, ae, af),
or, with ``--blind10``, ``webhooks-blind10.jsonl`` (companies ag, ah, ai), or, with
``--blind11``, ``webhooks-blind11.jsonl`` (companies aj, ak, al), or, with ``--blind12``,
``webhooks-blind12.jsonl`` (companies am, an, ao), or, with ``--blind13``,
``webhooks-blind13.jsonl`` (companies ap, aq, ar), or, with ``--blind14``,
``webhooks-blind14.jsonl`` (companies as, at, au), or, with ``--blind15``,
``webhooks-blind15.jsonl`` (companies av, aw, ax), or, with ``--blind16``,
``webhooks-blind16.jsonl`` (companies ay, az, ba), or, with ``--blind17``,
``webhooks-blind17.jsonl`` (companies bb, bc, bd), or, with ``--blind18``,
``webhooks-blind18.jsonl`` (companies be, bf, bg), or, with ``--blind19``,
``webhooks-blind19.jsonl`` (companies bh, bi, bj), or, with ``--blind20``,
``webhooks-blind20.jsonl`` (companies bk, bl, bm), or, with ``--blind21``,
``webhooks-blind21.jsonl`` (companies bn, bo, bp), or, with ``--blind22``,
``webhooks-blind22.jsonl`` (companies bq, br, bs), or, with ``--blind23``,
``webhooks-blind23.jsonl`` (companies bt, bu, bv), or, with ``--blind24``,
``webhooks-blind24.jsonl`` (companies bw, bx, by), or, with ``--blind25``,
``webhooks-blind25.jsonl`` (companies bz, ca, cb), or, with ``--blind26``,
``webhooks-blind26.jsonl`` (companies cc, cd, ce), or, with ``--blind27``,
``webhooks-blind27.jsonl`` (companies cf, cg, ch), or, with ``--blind28``,
``webhooks-blind28.jsonl`` (companies ci, cj, ck), or, with ``--blind29``,
``webhooks-blind29.jsonl`` (companies cl, cm, cn), or, with ``--blind30``,
``webhooks-blind30.jsonl`` (companies co, cp, cq), or, with ``--blind31``,
``webhooks-blind31.jsonl`` (companies cr, cs, ct), or, with ``--blind32``,
``webhooks-blind32.jsonl`` (companies cu, cv, cw), or, with ``--blind33``,
``webhooks-blind33.jsonl`` (companies cx, cy, cz), or, with ``--blind34``,
``webhooks-blind34.jsonl`` (companies da, db, dc), or, with ``--blind35``,
``webhooks-blind35.jsonl`` (companies dd, de, df), or, with ``--blind36``,
``webhooks-blind36.jsonl`` (companies dg, dh, di), or, with ``--blind37``,
``webhooks-blind37.jsonl`` (companies dj, dk, dl), or, with ``--blind38``,
``webhooks-blind38.jsonl`` (companies dm, dn, do), or, with ``--blind39``,
``webhooks-blind39.jsonl`` (companies dp, dq, dr), or, with ``--blind40``,
``webhooks-blind40.jsonl`` (companies ds, dt, du), or, with ``--blind41``,
``webhooks-blind41.jsonl`` (companies dv, dw, dx), or, with ``--blind42``,
``webhooks-blind42.jsonl`` (companies dy, dz, ea), or, with ``--blind43``,
``webhooks-blind43.jsonl`` (companies eb, ec, ed), or, with ``--blind44``,
``webhooks-blind44.jsonl`` (companies ee, ef, eg), or, with ``--blind45``,
``webhooks-blind45.jsonl`` (companies eh, ei, ej), or, with ``--blind46``,
``webhooks-blind46.jsonl`` (companies ek, el, em), or, with ``--blind47``,
``webhooks-blind47.jsonl`` (companies en, eo, ep), or, with ``--blind48``,
``webhooks-blind48.jsonl`` (companies eq, er, es), or, with ``--blind49``,
``webhooks-blind49.jsonl`` (companies et, eu, ev), or, with ``--blind50``,
``webhooks-blind50.jsonl`` (companies ew, ex, ey), or, with ``--blind51``,
``webhooks-blind51.jsonl`` (companies ez, fa, fb), or, with ``--blind52``,
``webhooks-blind52.jsonl`` (companies fc, fd, fe), or, with ``--blind53``,
``webhooks-blind53.jsonl`` (companies ff, fg, fh), or, with ``--blind54``,
``webhooks-blind54.jsonl`` (companies fi, fj, fk), or, with ``--blind55``,
``webhooks-blind55.jsonl`` (companies fl, fm, fn), or, with ``--blind56``,
``webhooks-blind56.jsonl`` (companies fo, fp, fq), or, with ``--blind57``,
``webhooks-blind57.jsonl`` (companies fr, fs, ft), or, with ``--blind58``,
``webhooks-blind58.jsonl`` (companies fu, fv, fw), or, with ``--blind59``,
``webhooks-blind59.jsonl`` (companies fx, fy, fz), or, with ``--blind60``,
``webhooks-blind60.jsonl`` (companies ga, gb, gc), or, with ``--blind61``,
``webhooks-blind61.jsonl`` (companies gd, ge, gf), or, with ``--blind62``,
``webhooks-blind62.jsonl`` (companies gg, gh, gi), or, with ``--blind63``,
``webhooks-blind63.jsonl`` (companies gj, gk, gl), or, with ``--blind64``,
``webhooks-blind64.jsonl`` (companies gm, gn, go), or, with ``--blind65``,
``webhooks-blind65.jsonl`` (companies gp, gq, gr), or, with ``--blind66``,
``webhooks-blind66.jsonl`` (companies gs, gt, gu), or, with ``--blind67``,
``webhooks-blind67.jsonl`` (companies gv, gw, gx), or, with ``--blind68``,
``webhooks-blind68.jsonl`` (companies gy, gz, ha), or, with ``--blind69``,
``webhooks-blind69.jsonl`` (companies hb, hc, hd), or, with ``--blind70``,
``webhooks-blind70.jsonl`` (companies he, hf, hg), or, with ``--blind71``,
``webhooks-blind71.jsonl`` (companies hh, hi, hj), or, with ``--blind72``,
``webhooks-blind72.jsonl`` (companies hk, hl, hm), or, with ``--blind73``,
``webhooks-blind73.jsonl`` (companies hn, ho, hp), or, with ``--blind74``,
``webhooks-blind74.jsonl`` (companies hq, hr, hs), or, with ``--blind75``,
``webhooks-blind75.jsonl`` (companies ht, hu, hv), or, with ``--blind76``,
``webhooks-blind76.jsonl`` (companies hw, hx, hy), or, with ``--blind77``,
``webhooks-blind77.jsonl`` (companies hz, ia, ib), or, with ``--blind78``,
``webhooks-blind78.jsonl`` (companies ic, id, ie), or, with ``--blind79``,
``webhooks-blind79.jsonl`` (companies if, ig, ih), or, with ``--blind80``,
``webhooks-blind80.jsonl`` (companies ii, ij, ik), or, with ``--blind81``,
``webhooks-blind81.jsonl`` (companies il, im, in), or, with ``--blind82``,
``webhooks-blind82.jsonl`` (companies io, ip, iq), or, with ``--blind83``,
``webhooks-blind83.jsonl`` (companies ir, is, it), or, with ``--blind84``,
``webhooks-blind84.jsonl`` (companies iu, iv, iw), or, with ``--blind85``,
``webhooks-blind85.jsonl`` (companies ix, iy, iz), or, with ``--blind86``,
``webhooks-blind86.jsonl`` (companies ja, jb, jc), or, with ``--blind87``,
``webhooks-blind87.jsonl`` (companies jd, je, jf), or, with ``--blind88``,
``webhooks-blind88.jsonl`` (companies jg, jh, ji), or, with ``--blind89``,
``webhooks-blind89.jsonl`` (companies jj, jk, jl), or, with ``--blind90``,
``webhooks-blind90.jsonl`` (companies jm, jn, jo), or, with ``--blind91``,
``webhooks-blind91.jsonl`` (companies jp, jq, jr), or, with ``--blind92``,
``webhooks-blind92.jsonl`` (companies js, jt, ju), or, with ``--blind93``,
``webhooks-blind93.jsonl`` (companies jv, jw, jx), or, with ``--blind94``,
``webhooks-blind94.jsonl`` (companies jy, jz, ka), or, with ``--blind95``,
``webhooks-blind95.jsonl`` (companies kb, kc, kd), or, with ``--blind96``,
``webhooks-blind96.jsonl`` (companies ke, kf, kg), or, with ``--blind97``,
``webhooks-blind97.jsonl`` (companies kh, ki, kj), or, with ``--blind98``,
``webhooks-blind98.jsonl`` (companies kk, kl, km), or, with ``--blind99``,
``webhooks-blind99.jsonl`` (companies kn, ko, kp), or, with ``--blind100``,
``webhooks-blind100.jsonl`` (companies kq, kr, ks), or, with ``--blind101``,
``webhooks-blind101.jsonl`` (companies kt, ku, kv), or, with ``--blind102``,
``webhooks-blind102.jsonl`` (companies kw, kx, ky), or, with ``--blind103``,
``webhooks-blind103.jsonl`` (companies kz, la, lb), or, with ``--blind104``,
``webhooks-blind104.jsonl`` (companies lc, ld, le), or, with ``--blind105``,
``webhooks-blind105.jsonl`` (companies lf, lg, lh), or, with ``--blind106``,
``webhooks-blind106.jsonl`` (companies li, lj, lk), or, with ``--blind107``,
``webhooks-blind107.jsonl`` (companies ll, lm, ln), or, with ``--blind108``,
``webhooks-blind108.jsonl`` (companies lo, lp, lq), or, with ``--blind109``,
``webhooks-blind109.jsonl`` (companies lr, ls, lt), or, with ``--blind110``,
``webhooks-blind110.jsonl`` (companies lu, lv, lw), or, with ``--blind111``,
``webhooks-blind111.jsonl`` (companies lx, ly, lz), or, with ``--blind112``,
``webhooks-blind112.jsonl`` (companies ma, mb, mc), or, with ``--blind113``,
``webhooks-blind113.jsonl`` (companies md, me, mf), or, with ``--blind114``,
``webhooks-blind114.jsonl`` (companies mg, mh, mi), or, with ``--blind115``,
``webhooks-blind115.jsonl`` (companies mj, mk, ml), or, with ``--blind116``,
``webhooks-blind116.jsonl`` (companies mm, mn, mo), or, with ``--blind117``,
``webhooks-blind117.jsonl`` (companies mp, mq, mr), or, with ``--blind118``,
``webhooks-blind118.jsonl`` (companies ms, mt, mu), or, with ``--blind119``,
``webhooks-blind119.jsonl`` (companies mv, mw, mx), or, with ``--blind120``,
``webhooks-blind120.jsonl`` (companies my, mz, na), or, with ``--blind121``,
``webhooks-blind121.jsonl`` (companies nb, nc, nd), or, with ``--blind122``,
``webhooks-blind122.jsonl`` (companies ne, nf, ng), or, with ``--blind123``,
``webhooks-blind123.jsonl`` (companies nh, ni, nj), or, with ``--blind124``,
``webhooks-blind124.jsonl`` (companies nk, nl, nm), or, with ``--blind125``,
``webhooks-blind125.jsonl`` (companies nn, no, np), or, with ``--blind126``,
``webhooks-blind126.jsonl`` (companies nq, nr, ns).

    python bench/data/generate_webhooks.py              # the dev and test halves
    python bench/data/generate_webhooks.py --holdout    # the untouched third set
    python bench/data/generate_webhooks.py --final      # the fourth set, nobody has looked at
    python bench/data/generate_webhooks.py --blind      # the fifth, after tuning on all four
    python bench/data/generate_webhooks.py --blind2     # the sixth, by a second outsider
    python bench/data/generate_webhooks.py --blind3     # the seventh, by a third outsider
    python bench/data/generate_webhooks.py --blind4     # the eighth, by a fourth outsider
    python bench/data/generate_webhooks.py --blind5     # the ninth, by a fifth outsider
    python bench/data/generate_webhooks.py --blind6     # the tenth, by a sixth outsider
    python bench/data/generate_webhooks.py --blind7     # the eleventh, by a seventh outsider
    python bench/data/generate_webhooks.py --blind8     # the twelfth, by an eighth outsider
    python bench/data/generate_webhooks.py --blind9     # the thirteenth, by a ninth outsider
    python bench/data/generate_webhooks.py --blind10    # the fourteenth, by a tenth outsider
    python bench/data/generate_webhooks.py --blind11    # the fifteenth, by an eleventh outsider
    python bench/data/generate_webhooks.py --blind12    # the sixteenth, by a twelfth outsider
    python bench/data/generate_webhooks.py --blind13    # the seventeenth, by a thirteenth outsider
    python bench/data/generate_webhooks.py --blind14    # the eighteenth, by a fourteenth outsider
    python bench/data/generate_webhooks.py --blind15    # the nineteenth, by a fifteenth outsider
    python bench/data/generate_webhooks.py --blind16    # the twentieth, by a sixteenth outsider
    python bench/data/generate_webhooks.py --blind17    # the 21st, by a seventeenth outsider
    python bench/data/generate_webhooks.py --blind18    # the 22nd, by an eighteenth outsider
    python bench/data/generate_webhooks.py --blind19    # the 23rd, by a nineteenth outsider
    python bench/data/generate_webhooks.py --blind20    # the 24th, by a twentieth outsider
    python bench/data/generate_webhooks.py --blind21    # the 25th, by a twenty-first outsider
    python bench/data/generate_webhooks.py --blind22    # the 26th, by a twenty-second outsider
    python bench/data/generate_webhooks.py --blind23    # the 27th, by a twenty-third outsider
    python bench/data/generate_webhooks.py --blind24    # the 28th, by a twenty-fourth outsider
    python bench/data/generate_webhooks.py --blind25    # the 29th, by a twenty-fifth outsider
    python bench/data/generate_webhooks.py --blind26    # by a twenty-sixth outsider
    python bench/data/generate_webhooks.py --blind27    # by a twenty-seventh outsider
    python bench/data/generate_webhooks.py --blind28    # by a twenty-eighth outsider
    python bench/data/generate_webhooks.py --blind29    # by a twenty-ninth outsider
    python bench/data/generate_webhooks.py --blind30    # by a thirtieth outsider
    python bench/data/generate_webhooks.py --blind31    # by a thirty-first outsider
    python bench/data/generate_webhooks.py --blind32    # by a thirty-second outsider
    python bench/data/generate_webhooks.py --blind33    # by a thirty-third outsider
    python bench/data/generate_webhooks.py --blind34    # by a thirty-fourth outsider
    python bench/data/generate_webhooks.py --blind35    # by a thirty-fifth outsider
    python bench/data/generate_webhooks.py --blind36    # by a thirty-sixth outsider
    python bench/data/generate_webhooks.py --blind37    # by a thirty-seventh outsider
    python bench/data/generate_webhooks.py --blind38    # by a thirty-eighth outsider
    python bench/data/generate_webhooks.py --blind39    # by a thirty-ninth outsider
    python bench/data/generate_webhooks.py --blind40    # by a fortieth outsider
    python bench/data/generate_webhooks.py --blind41    # by a forty-first outsider
    python bench/data/generate_webhooks.py --blind42    # by a forty-second outsider
    python bench/data/generate_webhooks.py --blind43    # by a forty-third outsider
    python bench/data/generate_webhooks.py --blind44    # by a forty-fourth outsider
    python bench/data/generate_webhooks.py --blind45    # by a forty-fifth outsider
    python bench/data/generate_webhooks.py --blind46    # by a forty-sixth outsider
    python bench/data/generate_webhooks.py --blind47    # by a forty-seventh outsider
    python bench/data/generate_webhooks.py --blind48    # by a forty-eighth outsider
    python bench/data/generate_webhooks.py --blind49    # by a forty-ninth outsider
    python bench/data/generate_webhooks.py --blind50    # by a fiftieth outsider
    python bench/data/generate_webhooks.py --blind51    # by a fifty-first outsider
    python bench/data/generate_webhooks.py --blind52    # by a fifty-second outsider
    python bench/data/generate_webhooks.py --blind53    # by a fifty-third outsider
    python bench/data/generate_webhooks.py --blind54    # by a fifty-fourth outsider
    python bench/data/generate_webhooks.py --blind55    # by a fifty-fifth outsider
    python bench/data/generate_webhooks.py --blind56    # by a fifty-sixth outsider
    python bench/data/generate_webhooks.py --blind57    # by a fifty-seventh outsider
    python bench/data/generate_webhooks.py --blind58    # by a fifty-eighth outsider
    python bench/data/generate_webhooks.py --blind59    # by a fifty-ninth outsider
    python bench/data/generate_webhooks.py --blind60    # by a sixtieth outsider
    python bench/data/generate_webhooks.py --blind61    # by a sixty-first outsider
    python bench/data/generate_webhooks.py --blind62    # by a sixty-second outsider
    python bench/data/generate_webhooks.py --blind63    # by a sixty-third outsider
    python bench/data/generate_webhooks.py --blind64    # by a sixty-fourth outsider
    python bench/data/generate_webhooks.py --blind65    # by a sixty-fifth outsider
    python bench/data/generate_webhooks.py --blind66    # by a sixty-sixth outsider
    python bench/data/generate_webhooks.py --blind67    # by a sixty-seventh outsider
    python bench/data/generate_webhooks.py --blind68    # by a sixty-eighth outsider
    python bench/data/generate_webhooks.py --blind69    # by a sixty-ninth outsider
    python bench/data/generate_webhooks.py --blind70    # by a seventieth outsider
    python bench/data/generate_webhooks.py --blind71    # by a seventy-first outsider
    python bench/data/generate_webhooks.py --blind72    # by a seventy-second outsider
    python bench/data/generate_webhooks.py --blind73    # by a seventy-third outsider
    python bench/data/generate_webhooks.py --blind74    # by a seventy-fourth outsider
    python bench/data/generate_webhooks.py --blind75    # by a seventy-fifth outsider
    python bench/data/generate_webhooks.py --blind76    # by a seventy-sixth outsider
    python bench/data/generate_webhooks.py --blind77    # by a seventy-seventh outsider
    python bench/data/generate_webhooks.py --blind78    # by a seventy-eighth outsider
    python bench/data/generate_webhooks.py --blind79    # by a seventy-ninth outsider
    python bench/data/generate_webhooks.py --blind80    # by an eightieth outsider
    python bench/data/generate_webhooks.py --blind81    # by an eighty-first outsider
    python bench/data/generate_webhooks.py --blind82    # by an eighty-second outsider
    python bench/data/generate_webhooks.py --blind83    # by an eighty-third outsider
    python bench/data/generate_webhooks.py --blind84    # by an eighty-fourth outsider
    python bench/data/generate_webhooks.py --blind85    # by an eighty-fifth outsider
    python bench/data/generate_webhooks.py --blind86    # by an eighty-sixth outsider
    python bench/data/generate_webhooks.py --blind87    # by an eighty-seventh outsider
    python bench/data/generate_webhooks.py --blind88    # by an eighty-eighth outsider
    python bench/data/generate_webhooks.py --blind89    # by an eighty-ninth outsider
    python bench/data/generate_webhooks.py --blind90    # by a ninetieth outsider
    python bench/data/generate_webhooks.py --blind91    # by a ninety-first outsider
    python bench/data/generate_webhooks.py --blind92    # by a ninety-second outsider
    python bench/data/generate_webhooks.py --blind93    # by a ninety-third outsider
    python bench/data/generate_webhooks.py --blind94    # by a ninety-fourth outsider
    python bench/data/generate_webhooks.py --blind95    # by a ninety-fifth outsider
    python bench/data/generate_webhooks.py --blind96    # by a ninety-sixth outsider
    python bench/data/generate_webhooks.py --blind97    # by a ninety-seventh outsider
    python bench/data/generate_webhooks.py --blind98    # by a ninety-eighth outsider
    python bench/data/generate_webhooks.py --blind99    # by a ninety-ninth outsider
    python bench/data/generate_webhooks.py --blind100   # by a hundredth outsider
    python bench/data/generate_webhooks.py --blind101   # by a hundred-and-first outsider
    python bench/data/generate_webhooks.py --blind102   # by a hundred-and-second outsider
    python bench/data/generate_webhooks.py --blind103   # by a hundred-and-third outsider
    python bench/data/generate_webhooks.py --blind104   # by a hundred-and-fourth outsider
    python bench/data/generate_webhooks.py --blind105   # by a hundred-and-fifth outsider
    python bench/data/generate_webhooks.py --blind106   # by a hundred-and-sixth outsider
    python bench/data/generate_webhooks.py --blind107   # by a hundred-and-seventh outsider
    python bench/data/generate_webhooks.py --blind108   # by a hundred-and-eighth outsider
    python bench/data/generate_webhooks.py --blind109   # by a hundred-and-ninth outsider
    python bench/data/generate_webhooks.py --blind110   # by a hundred-and-tenth outsider
    python bench/data/generate_webhooks.py --blind111   # by a hundred-and-eleventh outsider
    python bench/data/generate_webhooks.py --blind112   # by a hundred-and-twelfth outsider
    python bench/data/generate_webhooks.py --blind113   # by a hundred-and-thirteenth outsider
    python bench/data/generate_webhooks.py --blind114   # by a hundred-and-fourteenth outsider
    python bench/data/generate_webhooks.py --blind115   # by a hundred-and-fifteenth outsider
    python bench/data/generate_webhooks.py --blind116   # by a hundred-and-sixteenth outsider
    python bench/data/generate_webhooks.py --blind117   # by a hundred-and-seventeenth outsider
    python bench/data/generate_webhooks.py --blind118   # by a hundred-and-eighteenth outsider
    python bench/data/generate_webhooks.py --blind119   # by a hundred-and-nineteenth outsider
    python bench/data/generate_webhooks.py --blind120   # by a hundred-and-twentieth outsider
    python bench/data/generate_webhooks.py --blind121   # by a hundred-and-twenty-first outsider
    python bench/data/generate_webhooks.py --blind122   # by a hundred-and-twenty-second outsider
    python bench/data/generate_webhooks.py --blind123   # by a hundred-and-twenty-third outsider
    python bench/data/generate_webhooks.py --blind124   # by a hundred-and-twenty-fourth outsider
    python bench/data/generate_webhooks.py --blind125   # by a hundred-and-twenty-fifth outsider
    python bench/data/generate_webhooks.py --blind126   # by a hundred-and-twenty-sixth outsider

Standard library only, deterministic: the same files on every run (every random draw is
seeded from a fixed string, see ``corpus/rand.py``). What the corpus is and how it was
written: ``bench/data/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus.build import build_rows  # noqa: E402
from corpus.companies.aldingham import ALDINGHAM  # noqa: E402
from corpus.companies.allonby import ALLONBY  # noqa: E402
from corpus.companies.ambleside import AMBLESIDE  # noqa: E402
from corpus.companies.applethwaite import APPLETHWAITE  # noqa: E402
from corpus.companies.arkholme import ARKHOLME  # noqa: E402
from corpus.companies.arnside import ARNSIDE  # noqa: E402
from corpus.companies.ashgrove import ASHGROVE  # noqa: E402
from corpus.companies.askham import ASKHAM  # noqa: E402
from corpus.companies.aysgarth import AYSGARTH  # noqa: E402
from corpus.companies.ayside import AYSIDE  # noqa: E402
from corpus.companies.bellhollow import BELLHOLLOW  # noqa: E402
from corpus.companies.birchcombe import BIRCHCOMBE  # noqa: E402
from corpus.companies.blackdown import BLACKDOWN  # noqa: E402
from corpus.companies.blencathra import BLENCATHRA  # noqa: E402
from corpus.companies.brackenridge import BRACKENRIDGE  # noqa: E402
from corpus.companies.brackwater import BRACKWATER  # noqa: E402
from corpus.companies.brambleby import BRAMBLEBY  # noqa: E402
from corpus.companies.bramhope import BRAMHOPE  # noqa: E402
from corpus.companies.brannock import BRANNOCK  # noqa: E402
from corpus.companies.brightloom import BRIGHTLOOM  # noqa: E402
from corpus.companies.brindle import BRINDLE  # noqa: E402
from corpus.companies.brookvale import BROOKVALE  # noqa: E402
from corpus.companies.burnmoor import BURNMOOR  # noqa: E402
from corpus.companies.cairnlode import CAIRNLODE  # noqa: E402
from corpus.companies.cantsfield import CANTSFIELD  # noqa: E402
from corpus.companies.castlerigg import CASTLERIGG  # noqa: E402
from corpus.companies.cawdale import CAWDALE  # noqa: E402
from corpus.companies.claughton import CLAUGHTON  # noqa: E402
from corpus.companies.cobble import COBBLE  # noqa: E402
from corpus.companies.combermere import COMBERMERE  # noqa: E402
from corpus.companies.copperline import COPPERLINE  # noqa: E402
from corpus.companies.corriebeck import CORRIEBECK  # noqa: E402
from corpus.companies.cragmoor import CRAGMOOR  # noqa: E402
from corpus.companies.crosthwaite import CROSTHWAITE  # noqa: E402
from corpus.companies.dacrebeck import DACREBECK  # noqa: E402
from corpus.companies.dalegarth import DALEGARTH  # noqa: E402
from corpus.companies.dalesend import DALESEND  # noqa: E402
from corpus.companies.dallowgill import DALLOWGILL  # noqa: E402
from corpus.companies.davenby import DAVENBY  # noqa: E402
from corpus.companies.dawnridge import DAWNRIDGE  # noqa: E402
from corpus.companies.dearham import DEARHAM  # noqa: E402
from corpus.companies.deepdale import DEEPDALE  # noqa: E402
from corpus.companies.dellbrook import DELLBROOK  # noqa: E402
from corpus.companies.dentdale import DENTDALE  # noqa: E402
from corpus.companies.dewbank import DEWBANK  # noqa: E402
from corpus.companies.dipperholme import DIPPERHOLME  # noqa: E402
from corpus.companies.dockray import DOCKRAY  # noqa: E402
from corpus.companies.doddwood import DODDWOOD  # noqa: E402
from corpus.companies.dorrington import DORRINGTON  # noqa: E402
from corpus.companies.dovecote import DOVECOTE  # noqa: E402
from corpus.companies.dowthwaite import DOWTHWAITE  # noqa: E402
from corpus.companies.drumburgh import DRUMBURGH  # noqa: E402
from corpus.companies.drybeck import DRYBECK  # noqa: E402
from corpus.companies.dufton import DUFTON  # noqa: E402
from corpus.companies.dunlin import DUNLIN  # noqa: E402
from corpus.companies.dunmallet import DUNMALLET  # noqa: E402
from corpus.companies.dunmere import DUNMERE  # noqa: E402
from corpus.companies.dunnerdale import DUNNERDALE  # noqa: E402
from corpus.companies.dunnockshaw import DUNNOCKSHAW  # noqa: E402
from corpus.companies.dunsop import DUNSOP  # noqa: E402
from corpus.companies.dunstall import DUNSTALL  # noqa: E402
from corpus.companies.duxbrough import DUXBROUGH  # noqa: E402
from corpus.companies.dyffryn import DYFFRYN  # noqa: E402
from corpus.companies.eaglesfield import EAGLESFIELD  # noqa: E402
from corpus.companies.eaglesfield_eo import EAGLESFIELD_EO  # noqa: E402
from corpus.companies.eamont import EAMONT  # noqa: E402
from corpus.companies.eastrigg import EASTRIGG  # noqa: E402
from corpus.companies.eastwell import EASTWELL  # noqa: E402
from corpus.companies.ebberston import EBBERSTON  # noqa: E402
from corpus.companies.ecclerigg import ECCLERIGG  # noqa: E402
from corpus.companies.ecclesfold import ECCLESFOLD  # noqa: E402
from corpus.companies.edderside import EDDERSIDE  # noqa: E402
from corpus.companies.edenhall import EDENHALL  # noqa: E402
from corpus.companies.edgeley import EDGELEY  # noqa: E402
from corpus.companies.eglingham import EGLINGHAM  # noqa: E402
from corpus.companies.egremont import EGREMONT  # noqa: E402
from corpus.companies.ellergill import ELLERGILL  # noqa: E402
from corpus.companies.elmstead import ELMSTEAD  # noqa: E402
from corpus.companies.elslack import ELSLACK  # noqa: E402
from corpus.companies.elterwater import ELTERWATER  # noqa: E402
from corpus.companies.emberwick import EMBERWICK  # noqa: E402
from corpus.companies.embleton import EMBLETON  # noqa: E402
from corpus.companies.embsay import EMBSAY  # noqa: E402
from corpus.companies.endmoor import ENDMOOR  # noqa: E402
from corpus.companies.ennerdale import ENNERDALE  # noqa: E402
from corpus.companies.equinbeck import EQUINBECK  # noqa: E402
from corpus.companies.erringden import ERRINGDEN  # noqa: E402
from corpus.companies.eskholme import ESKHOLME  # noqa: E402
from corpus.companies.eskrigg import ESKRIGG  # noqa: E402
from corpus.companies.esthwaite import ESTHWAITE  # noqa: E402
from corpus.companies.etterby import ETTERBY  # noqa: E402
from corpus.companies.eusemere import EUSEMERE  # noqa: E402
from corpus.companies.evenwood import EVENWOOD  # noqa: E402
from corpus.companies.fairhaven import FAIRHAVEN  # noqa: E402
from corpus.companies.farndale import FARNDALE  # noqa: E402
from corpus.companies.fawcett import FAWCETT  # noqa: E402
from corpus.companies.fellbarrow import FELLBARROW  # noqa: E402
from corpus.companies.fellgate import FELLGATE  # noqa: E402
from corpus.companies.fenwick import FENWICK  # noqa: E402
from corpus.companies.fernhill import FERNHILL  # noqa: E402
from corpus.companies.ferrowick import FERROWICK  # noqa: E402
from corpus.companies.flimby import FLIMBY  # noqa: E402
from corpus.companies.fothergill import FOTHERGILL  # noqa: E402
from corpus.companies.foulshaw import FOULSHAW  # noqa: E402
from corpus.companies.foxholme import FOXHOLME  # noqa: E402
from corpus.companies.foxley import FOXLEY  # noqa: E402
from corpus.companies.frizington import FRIZINGTON  # noqa: E402

# (blind52 and blind53 both named a company Frizington: the second is its water utility.)
from corpus.companies.frizington_water import FRIZINGTON as FRIZINGTON_WATER  # noqa: E402
from corpus.companies.gallowburn import GALLOWBURN  # noqa: E402
from corpus.companies.gamblesby import GAMBLESBY  # noqa: E402
from corpus.companies.gannet import GANNET  # noqa: E402
from corpus.companies.garsdale import GARSDALE  # noqa: E402
from corpus.companies.gatehouse import GATEHOUSE  # noqa: E402
from corpus.companies.gatesgarth import GATESGARTH  # noqa: E402
from corpus.companies.gimmerbrook import GIMMERBROOK  # noqa: E402
from corpus.companies.glaramara import GLARAMARA  # noqa: E402
from corpus.companies.glenridding import GLENRIDDING  # noqa: E402
from corpus.companies.goathland import GOATHLAND  # noqa: E402
from corpus.companies.goldthorpe import GOLDTHORPE  # noqa: E402
from corpus.companies.gorsehill import GORSEHILL  # noqa: E402
from corpus.companies.grasmere import GRASMERE  # noqa: E402
from corpus.companies.greenodd import GREENODD  # noqa: E402
from corpus.companies.greyfriars import GREYFRIARS  # noqa: E402
from corpus.companies.greysouthen import GREYSOUTHEN  # noqa: E402
from corpus.companies.grisedale import GRISEDALE  # noqa: E402
from corpus.companies.gritstone import GRITSTONE  # noqa: E402
from corpus.companies.gullyford import GULLYFORD  # noqa: E402
from corpus.companies.hackthorpe import HACKTHORPE  # noqa: E402
from corpus.companies.haltcliffe import HALTCLIFFE  # noqa: E402
from corpus.companies.halyard import HALYARD  # noqa: E402
from corpus.companies.harebell import HAREBELL  # noqa: E402
from corpus.companies.harrowgate import HARROWGATE  # noqa: E402
from corpus.companies.hartop import HARTOP  # noqa: E402
from corpus.companies.hartsop import HARTSOP  # noqa: E402
from corpus.companies.haverthwaite import HAVERTHWAITE  # noqa: E402
from corpus.companies.haweswater import HAWESWATER  # noqa: E402
from corpus.companies.hawkshead import HAWKSHEAD  # noqa: E402
from corpus.companies.hawsker import HAWSKER  # noqa: E402
from corpus.companies.hazelmere import HAZELMERE  # noqa: E402
from corpus.companies.hebden import HEBDEN  # noqa: E402
from corpus.companies.helvellyn import HELVELLYN  # noqa: E402
from corpus.companies.hesket import HESKET  # noqa: E402
from corpus.companies.hindlow import HINDLOW  # noqa: E402
from corpus.companies.hobnail import HOBNAIL  # noqa: E402
from corpus.companies.hollowmead import HOLLOWMEAD  # noqa: E402
from corpus.companies.holmrook import HOLMROOK  # noqa: E402
from corpus.companies.huttonroof import HUTTONROOF  # noqa: E402
from corpus.companies.ickornshaw import ICKORNSHAW  # noqa: E402
from corpus.companies.ilkley import ILKLEY  # noqa: E402
from corpus.companies.inchbrook import INCHBROOK  # noqa: E402
from corpus.companies.ingleborough import INGLEBOROUGH  # noqa: E402
from corpus.companies.ingmire import INGMIRE  # noqa: E402
from corpus.companies.inkwhistle import INKWHISTLE  # noqa: E402
from corpus.companies.ireby import IREBY  # noqa: E402
from corpus.companies.irthington import IRTHINGTON  # noqa: E402
from corpus.companies.isel import ISEL  # noqa: E402
from corpus.companies.ivegill import IVEGILL  # noqa: E402
from corpus.companies.ixworth import IXWORTH  # noqa: E402
from corpus.companies.jackdawmoss import JACKDAWMOSS  # noqa: E402
from corpus.companies.jacksdale import JACKSDALE  # noqa: E402
from corpus.companies.jarrowfield import JARROWFIELD  # noqa: E402
from corpus.companies.jaywick import JAYWICK  # noqa: E402
from corpus.companies.jedburgh import JEDBURGH  # noqa: E402
from corpus.companies.jervaulx import JERVAULX  # noqa: E402
from corpus.companies.jessamyquay import JESSAMYQUAY  # noqa: E402
from corpus.companies.jessop import JESSOP  # noqa: E402
from corpus.companies.jevington import JEVINGTON  # noqa: E402
from corpus.companies.johnby import JOHNBY  # noqa: E402
from corpus.companies.jolliffe import JOLLIFFE  # noqa: E402
from corpus.companies.juniperhowe import JUNIPERHOWE  # noqa: E402
from corpus.companies.keldholme import KELDHOLME  # noqa: E402
from corpus.companies.kelpie import KELPIE  # noqa: E402
from corpus.companies.kelsick import KELSICK  # noqa: E402
from corpus.companies.kentmere import KENTMERE  # noqa: E402
from corpus.companies.kentrigg import KENTRIGG  # noqa: E402
from corpus.companies.kerbside import KERBSIDE  # noqa: E402
from corpus.companies.kestrel import KESTREL  # noqa: E402
from corpus.companies.keswick import KESWICK  # noqa: E402
from corpus.companies.kettlewell import KETTLEWELL  # noqa: E402
from corpus.companies.kildwick import KILDWICK  # noqa: E402
from corpus.companies.kilnsey import KILNSEY  # noqa: E402
from corpus.companies.kinmont import KINMONT  # noqa: E402
from corpus.companies.kinniside import KINNISIDE  # noqa: E402
from corpus.companies.kirkbride import KIRKBRIDE  # noqa: E402
from corpus.companies.kirkhaugh import KIRKHAUGH  # noqa: E402
from corpus.companies.kirkoswald import KIRKOSWALD  # noqa: E402
from corpus.companies.kittiwake import KITTIWAKE  # noqa: E402
from corpus.companies.knaresdale import KNARESDALE  # noqa: E402
from corpus.companies.lamplugh import LAMPLUGH  # noqa: E402
from corpus.companies.langstrath import LANGSTRATH  # noqa: E402
from corpus.companies.lanternfly import LANTERNFLY  # noqa: E402
from corpus.companies.lapwing import LAPWING  # noqa: E402
from corpus.companies.larchholm import LARCHHOLM  # noqa: E402
from corpus.companies.larkspur import LARKSPUR  # noqa: E402
from corpus.companies.levens import LEVENS  # noqa: E402
from corpus.companies.lindale import LINDALE  # noqa: E402
from corpus.companies.lingmell import LINGMELL  # noqa: E402
from corpus.companies.longsleddale import LONGSLEDDALE  # noqa: E402
from corpus.companies.loomwright import LOOMWRIGHT  # noqa: E402
from corpus.companies.lorton import LORTON  # noqa: E402
from corpus.companies.loweswater import LOWESWATER  # noqa: E402
from corpus.companies.lowick import LOWICK  # noqa: E402
from corpus.companies.lunebeck import LUNEBECK  # noqa: E402
from corpus.companies.mallowmere import MALLOWMERE  # noqa: E402
from corpus.companies.malmsbury import MALMSBURY  # noqa: E402
from corpus.companies.mardale import MARDALE  # noqa: E402
from corpus.companies.marlpit import MARLPIT  # noqa: E402
from corpus.companies.marrick import MARRICK  # noqa: E402
from corpus.companies.marrowfield import MARROWFIELD  # noqa: E402
from corpus.companies.martindale import MARTINDALE  # noqa: E402
from corpus.companies.matterdale import MATTERDALE  # noqa: E402
from corpus.companies.mellbreak import MELLBREAK  # noqa: E402
from corpus.companies.mickleden import MICKLEDEN  # noqa: E402
from corpus.companies.middlefell import MIDDLEFELL  # noqa: E402
from corpus.companies.millbeck import MILLBECK  # noqa: E402
from corpus.companies.millbrook import MILLBROOK  # noqa: E402
from corpus.companies.mirefoot import MIREFOOT  # noqa: E402
from corpus.companies.mossgate import MOSSGATE  # noqa: E402
from corpus.companies.mossthwaite import MOSSTHWAITE  # noqa: E402
from corpus.companies.muncaster import MUNCASTER  # noqa: E402
from corpus.companies.mungrisdale import MUNGRISDALE  # noqa: E402
from corpus.companies.naddle import NADDLE  # noqa: E402
from corpus.companies.nantgarw import NANTGARW  # noqa: E402
from corpus.companies.nateby import NATEBY  # noqa: E402
from corpus.companies.nenthead import NENTHEAD  # noqa: E402
from corpus.companies.netherby import NETHERBY  # noqa: E402
from corpus.companies.nethercott import NETHERCOTT  # noqa: E402
from corpus.companies.nettlecombe import NETTLECOMBE  # noqa: E402
from corpus.companies.newbold import NEWBOLD  # noqa: E402
from corpus.companies.newlands import NEWLANDS  # noqa: E402
from corpus.companies.ninebanks import NINEBANKS  # noqa: E402
from corpus.companies.norbury import NORBURY  # noqa: E402
from corpus.companies.northwold import NORTHWOLD  # noqa: E402
from corpus.companies.nunnykirk import NUNNYKIRK  # noqa: E402
from corpus.companies.oakenclough import OAKENCLOUGH  # noqa: E402
from corpus.companies.oakhurst import OAKHURST  # noqa: E402
from corpus.companies.oldcastle import OLDCASTLE  # noqa: E402
from corpus.companies.ombersley import OMBERSLEY  # noqa: E402
from corpus.companies.onslow import ONSLOW  # noqa: E402
from corpus.companies.orchardvale import ORCHARDVALE  # noqa: E402
from corpus.companies.ormside import ORMSIDE  # noqa: E402
from corpus.companies.orrest import ORREST  # noqa: E402
from corpus.companies.osmotherley import OSMOTHERLEY  # noqa: E402
from corpus.companies.otterbrook import OTTERBROOK  # noqa: E402
from corpus.companies.oughterside import OUGHTERSIDE  # noqa: E402
from corpus.companies.ousby import OUSBY  # noqa: E402
from corpus.companies.overwater import OVERWATER  # noqa: E402
from corpus.companies.oxbow import OXBOW  # noqa: E402
from corpus.companies.oxenholme import OXENHOLME  # noqa: E402
from corpus.companies.patterdale import PATTERDALE  # noqa: E402
from corpus.companies.pebblewick import PEBBLEWICK  # noqa: E402
from corpus.companies.pellmere import PELLMERE  # noqa: E402
from corpus.companies.pembury import PEMBURY  # noqa: E402
from corpus.companies.pennyroyal import PENNYROYAL  # noqa: E402
from corpus.companies.penruddock import PENRUDDOCK  # noqa: E402
from corpus.companies.pentreath import PENTREATH  # noqa: E402
from corpus.companies.pikeshaw import PIKESHAW  # noqa: E402
from corpus.companies.pipit import PIPIT  # noqa: E402
from corpus.companies.pitsmoor import PITSMOOR  # noqa: E402
from corpus.companies.plumhollow import PLUMHOLLOW  # noqa: E402
from corpus.companies.plumpton import PLUMPTON  # noqa: E402
from corpus.companies.pollenwick import POLLENWICK  # noqa: E402
from corpus.companies.pooley import POOLEY  # noqa: E402
from corpus.companies.portinscale import PORTINSCALE  # noqa: E402
from corpus.companies.preesall import PREESALL  # noqa: E402
from corpus.companies.quarrendon import QUARRENDON  # noqa: E402
from corpus.companies.quarrybank import QUARRYBANK  # noqa: E402
from corpus.companies.quayford import QUAYFORD  # noqa: E402
from corpus.companies.quayhead import QUAYHEAD  # noqa: E402
from corpus.companies.quedgeley import QUEDGELEY  # noqa: E402
from corpus.companies.quenby import QUENBY  # noqa: E402
from corpus.companies.quendon import QUENDON  # noqa: E402
from corpus.companies.quernmore import QUERNMORE  # noqa: E402
from corpus.companies.quernstone import QUERNSTONE  # noqa: E402
from corpus.companies.quickthorn import QUICKTHORN  # noqa: E402
from corpus.companies.quillmoor import QUILLMOOR  # noqa: E402
from corpus.companies.quinton import QUINTON  # noqa: E402
from corpus.companies.quoyness import QUOYNESS  # noqa: E402
from corpus.companies.raisbeck import RAISBECK  # noqa: E402
from corpus.companies.rampside import RAMPSIDE  # noqa: E402
from corpus.companies.ravenglass import RAVENGLASS  # noqa: E402
from corpus.companies.ravensholm import RAVENSHOLM  # noqa: E402
from corpus.companies.redmire import REDMIRE  # noqa: E402
from corpus.companies.renwick import RENWICK  # noqa: E402
from corpus.companies.ribblehead import RIBBLEHEAD  # noqa: E402
from corpus.companies.rillington import RILLINGTON  # noqa: E402
from corpus.companies.rookhollow import ROOKHOLLOW  # noqa: E402
from corpus.companies.rookwith import ROOKWITH  # noqa: E402
from corpus.companies.rosthwaite import ROSTHWAITE  # noqa: E402
from corpus.companies.runswick import RUNSWICK  # noqa: E402
from corpus.companies.rusland import RUSLAND  # noqa: E402
from corpus.companies.rydal import RYDAL  # noqa: E402
from corpus.companies.saffronhill import SAFFRONHILL  # noqa: E402
from corpus.companies.sallowfen import SALLOWFEN  # noqa: E402
from corpus.companies.saltcote import SALTCOTE  # noqa: E402
from corpus.companies.saltmarsh import SALTMARSH  # noqa: E402
from corpus.companies.sandwick import SANDWICK  # noqa: E402
from corpus.companies.satterthwaite import SATTERTHWAITE  # noqa: E402
from corpus.companies.scarthwaite import SCARTHWAITE  # noqa: E402
from corpus.companies.seathwaite import SEATHWAITE  # noqa: E402
from corpus.companies.sedgefold import SEDGEFOLD  # noqa: E402
from corpus.companies.skelwith import SKELWITH  # noqa: E402
from corpus.companies.skerry import SKERRY  # noqa: E402
from corpus.companies.skerrywick import SKERRYWICK  # noqa: E402
from corpus.companies.sleddale import SLEDDALE  # noqa: E402
from corpus.companies.sloeberry import SLOEBERRY  # noqa: E402
from corpus.companies.sockbridge import SOCKBRIDGE  # noqa: E402
from corpus.companies.sorrelwick import SORRELWICK  # noqa: E402
from corpus.companies.stainmore import STAINMORE  # noqa: E402
from corpus.companies.staveley import STAVELEY  # noqa: E402
from corpus.companies.stonechat import STONECHAT  # noqa: E402
from corpus.companies.swinside import SWINSIDE  # noqa: E402
from corpus.companies.tallowby import TALLOWBY  # noqa: E402
from corpus.companies.tanhill import TANHILL  # noqa: E402
from corpus.companies.tansy import TANSY  # noqa: E402
from corpus.companies.tarnbrook import TARNBROOK  # noqa: E402
from corpus.companies.tarnfield import TARNFIELD  # noqa: E402
from corpus.companies.tarnhow import TARNHOW  # noqa: E402
from corpus.companies.thistledown import THISTLEDOWN  # noqa: E402
from corpus.companies.thornquay import THORNQUAY  # noqa: E402
from corpus.companies.thrushgill import THRUSHGILL  # noqa: E402
from corpus.companies.thursby import THURSBY  # noqa: E402
from corpus.companies.tidewell import TIDEWELL  # noqa: E402
from corpus.companies.tirril import TIRRIL  # noqa: E402
from corpus.companies.tollbridge import TOLLBRIDGE  # noqa: E402
from corpus.companies.torpenhow import TORPENHOW  # noqa: E402
from corpus.companies.uffington import UFFINGTON  # noqa: E402
from corpus.companies.uldale import ULDALE  # noqa: E402
from corpus.companies.ulgham import ULGHAM  # noqa: E402
from corpus.companies.ullock import ULLOCK  # noqa: E402
from corpus.companies.ulpha import ULPHA  # noqa: E402
from corpus.companies.umberfield import UMBERFIELD  # noqa: E402
from corpus.companies.underbarrow import UNDERBARROW  # noqa: E402
from corpus.companies.unthank import UNTHANK  # noqa: E402
from corpus.companies.upperby import UPPERBY  # noqa: E402
from corpus.companies.urswick import URSWICK  # noqa: E402
from corpus.companies.valewick import VALEWICK  # noqa: E402
from corpus.companies.vantholme import VANTHOLME  # noqa: E402
from corpus.companies.vardenby import VARDENBY  # noqa: E402
from corpus.companies.vellacott import VELLACOTT  # noqa: E402
from corpus.companies.vennbridge import VENNBRIDGE  # noqa: E402
from corpus.companies.verdholm import VERDHOLM  # noqa: E402
from corpus.companies.vexley import VEXLEY  # noqa: E402
from corpus.companies.vinterley import VINTERLEY  # noqa: E402
from corpus.companies.vossmoor import VOSSMOOR  # noqa: E402
from corpus.companies.vowhurst import VOWHURST  # noqa: E402
from corpus.companies.wasdale import WASDALE  # noqa: E402
from corpus.companies.watendlath import WATENDLATH  # noqa: E402
from corpus.companies.wetheral import WETHERAL  # noqa: E402
from corpus.companies.wetherlam import WETHERLAM  # noqa: E402
from corpus.companies.wherrymoor import WHERRYMOOR  # noqa: E402
from corpus.companies.whinfell import WHINFELL  # noqa: E402
from corpus.companies.whinmoor import WHINMOOR  # noqa: E402
from corpus.companies.whitbarrow import WHITBARROW  # noqa: E402
from corpus.companies.wickerby import WICKERBY  # noqa: E402
from corpus.companies.winster import WINSTER  # noqa: E402
from corpus.companies.wrelton import WRELTON  # noqa: E402
from corpus.companies.wrenfold import WRENFOLD  # noqa: E402
from corpus.companies.wythburn import WYTHBURN  # noqa: E402
from corpus.companies.xanthorpe import XANTHORPE  # noqa: E402
from corpus.companies.xelmoor import XELMOOR  # noqa: E402
from corpus.companies.xenbury import XENBURY  # noqa: E402
from corpus.companies.xerwick import XERWICK  # noqa: E402
from corpus.companies.xolbury import XOLBURY  # noqa: E402
from corpus.companies.xylerigg import XYLERIGG  # noqa: E402
from corpus.companies.yanwath import YANWATH  # noqa: E402
from corpus.companies.yardley import YARDLEY  # noqa: E402
from corpus.companies.yarncliffe import YARNCLIFFE  # noqa: E402
from corpus.companies.yarrowby import YARROWBY  # noqa: E402
from corpus.companies.yarwood import YARWOOD  # noqa: E402
from corpus.companies.yeadon import YEADON  # noqa: E402
from corpus.companies.yealand import YEALAND  # noqa: E402
from corpus.companies.yelverton import YELVERTON  # noqa: E402
from corpus.companies.yewbarrow import YEWBARROW  # noqa: E402
from corpus.companies.yockenthwaite import YOCKENTHWAITE  # noqa: E402
from corpus.companies.zeals import ZEALS  # noqa: E402
from corpus.companies.zelah import ZELAH  # noqa: E402
from corpus.companies.zelston import ZELSTON  # noqa: E402
from corpus.companies.zennor import ZENNOR  # noqa: E402
from corpus.companies.zethmoor import ZETHMOOR  # noqa: E402
from corpus.companies.zetland import ZETLAND  # noqa: E402
from corpus.companies.zinclane import ZINCLANE  # noqa: E402
from corpus.companies.zorbridge import ZORBRIDGE  # noqa: E402
from corpus.companies.zouch import ZOUCH  # noqa: E402
from corpus.model import Company  # noqa: E402
from corpus.split import split_rows  # noqa: E402

COMPANIES = [PENNYROYAL, KESTREL, BRIGHTLOOM]
# Written after the grouping was tuned on both halves above, to be reported on, not tuned on.
HOLDOUT = [TIDEWELL, HALYARD]
# Written after the grouping was tuned on all three sets above: report it once, never tune on it.
FINAL = [KERBSIDE, BRACKENRIDGE]
# Written by an outsider after the grouping was tuned on all four sets above: report it once.
BLIND = [MARROWFIELD, STONECHAT]
# Written by a second outsider for issue 12, without reading the grouping or mapping code.
BLIND2 = [COPPERLINE, SALTMARSH, ORCHARDVALE]
# Written by a third outsider for issue 12, without reading the grouping or mapping code.
BLIND3 = [WRENFOLD, GANNET, HARROWGATE]
# Written by a fourth outsider for issue 12, without reading the grouping or mapping code.
BLIND4 = [FENWICK, TANSY, COBBLE]
# Written by a fifth outsider for issue 12, without reading the grouping or mapping code.
BLIND5 = [SORRELWICK, TOLLBRIDGE, UMBERFIELD]
# Written by a sixth outsider for issue 12, without reading the grouping or mapping code.
BLIND6 = [LARKSPUR, BRINDLE, PIPIT]
# Written by a seventh outsider for issue 12, without reading the grouping or mapping code.
BLIND7 = [BRAMBLEBY, KITTIWAKE, LOOMWRIGHT]
# Written by an eighth outsider for issue 12, without reading the grouping or mapping code.
BLIND8 = [QUILLMOOR, OXBOW, SAFFRONHILL]
# Written by a ninth outsider for issue 12, without reading the grouping or mapping code.
BLIND9 = [MOSSGATE, THORNQUAY, EMBERWICK]
# Written by a tenth outsider for issue 12, without reading the grouping or mapping code.
BLIND10 = [GORSEHILL, HAREBELL, CRAGMOOR]
# Written by an eleventh outsider for issue 12, without reading the grouping or mapping code.
BLIND11 = [QUARRYBANK, MALLOWMERE, ROOKHOLLOW]
# Written by a twelfth outsider for issue 12, without reading the grouping or mapping code.
BLIND12 = [ASHGROVE, TARNBROOK, MILLBECK]
# Written by a thirteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND13 = [DUNLIN, WHINFELL, LAPWING]
# Written by a fourteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND14 = [DOVECOTE, KELPIE, HOLLOWMEAD]
# Written by a fifteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND15 = [BRACKWATER, GULLYFORD, SKERRYWICK]
# Written by a sixteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND16 = [PEBBLEWICK, SKERRY, HAZELMERE]
# Written by a seventeenth outsider for issue 12, without reading the grouping or mapping code.
BLIND17 = [THISTLEDOWN, INKWHISTLE, RAVENSHOLM]
# Written by an eighteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND18 = [HOBNAIL, WICKERBY, MARLPIT]
# Written by a nineteenth outsider for issue 12, without reading the grouping or mapping code.
BLIND19 = [SEDGEFOLD, FERROWICK, PLUMHOLLOW]
# Written by a twentieth outsider for issue 12, without reading the grouping or mapping code.
BLIND20 = [QUERNSTONE, PELLMERE, CAIRNLODE]
# Written by a twenty-first outsider for issue 12, without reading the grouping or mapping code.
BLIND21 = [POLLENWICK, GRITSTONE, LANTERNFLY]
# Written by a twenty-second outsider, without reading the grouping or mapping code.
BLIND22 = [FELLGATE, BRANNOCK, SKELWITH]
# Written by a twenty-fourth outsider, without reading the grouping or mapping code.
BLIND24 = [TALLOWBY, HARTOP, ROOKWITH]
# Written by a twenty-third outsider, without reading the grouping or mapping code.
BLIND23 = [BROOKVALE, TARNFIELD, VOSSMOOR]
# Written by a twenty-fifth outsider, without reading the grouping or mapping code.
BLIND25 = [SALLOWFEN, OTTERBROOK, WHERRYMOOR]
# Written by a twenty-seventh outsider, without reading the grouping or mapping code.
BLIND27 = [WETHERLAM, GIMMERBROOK, HAWSKER]
# Written by a twenty-sixth outsider, without reading the grouping or mapping code.
BLIND26 = [DUNMERE, GALLOWBURN, SALTCOTE]
# Written by a thirtieth outsider, without reading the grouping or mapping code.
BLIND30 = [CORRIEBECK, PIKESHAW, QUAYHEAD]
# Written by a thirty-first outsider, without reading the grouping or mapping code.
BLIND31 = [SLOEBERRY, TARNHOW, WHITBARROW]
# Written by a thirty-second outsider, without reading the grouping or mapping code.
BLIND32 = [CAWDALE, CROSTHWAITE, COMBERMERE]
# Written by a thirty-third outsider, without reading the grouping or mapping code.
BLIND33 = [SCARTHWAITE, RIBBLEHEAD, TANHILL]
# Written by a thirty-fourth outsider, without reading the grouping or mapping code.
BLIND34 = [DALESEND, DAWNRIDGE, DEWBANK]
# Written by a thirty-fifth outsider, without reading the grouping or mapping code.
BLIND35 = [DUNNERDALE, DEEPDALE, DUFTON]
# Written by a thirty-sixth outsider, without reading the grouping or mapping code.
BLIND36 = [SWINSIDE, GRISEDALE, ICKORNSHAW]
# Written by a thirty-seventh outsider, without reading the grouping or mapping code.
BLIND37 = [DACREBECK, DALEGARTH, DENTDALE]
# Written by a thirty-eighth outsider, without reading the grouping or mapping code.
BLIND38 = [SLEDDALE, YEWBARROW, THRUSHGILL]
# blind39: a Ruby Grape API, .NET 6 on IIS, Pyramid and RQ behind gunicorn.
BLIND39 = [DIPPERHOLME, DUNSOP, DRYBECK]
# blind40: an AdonisJS 6 API with pino, Vert.x 4 with java.util.logging, Quart and Huey.
BLIND40 = [DOCKRAY, DODDWOOD, DRUMBURGH]
# blind41: Go Fiber v2 with Watermill, Rails 7.2 with Solid Queue, WordPress/WooCommerce.
BLIND41 = [DOWTHWAITE, DUNSTALL, DUXBROUGH]
# blind42: .NET 8 isolated Azure Functions, Kotlin Spring Boot 3 + Vaadin, Express 5 + SvelteKit.
BLIND42 = [DYFFRYN, DUNNOCKSHAW, EASTRIGG]
# blind43: Flask-RESTX and RQ on GKE, a NestJS RabbitMQ microservice, Phoenix and Broadway.
BLIND43 = [EBBERSTON, ECCLERIGG, EDENHALL]
# blind44: Spring Boot 3 on ECS via FireLens, Go with zap's development encoder, Rails + GoodJob.
BLIND44 = [ELTERWATER, ENNERDALE, EMBLETON]
# blind45: .NET Framework 4.8 MVC 5 with NLog, Symfony 5 with Monolog, Expo + Supabase Edge.
BLIND45 = [ELLERGILL, ESKHOLME, EMBSAY]
# blind46: Litestar/Starlette + SAQ with a team JSON formatter, Jakarta EE on WildFly, go-kit gRPC.
BLIND46 = [EAGLESFIELD, EGREMONT, EAMONT]
# blind51: Laravel 11 + Horizon with Context, Go zap under a Temporal worker, Nuxt 3 on Node.
BLIND51 = [ESKRIGG, FARNDALE, FAWCETT]
# blind52: aiohttp with asyncio's unretrieved tasks, an Orleans 8 silo on MEL's console, Ktor 2.
BLIND52 = [FOULSHAW, FRIZINGTON, FLIMBY]
# blind53: Vapor 4 on Linux (swift-log, Swift traps), Deno 2 + Hono (cron, KV queues), Quarkus 3.
BLIND53 = [FOTHERGILL, FOXHOLME, FRIZINGTON_WATER]
# blind54: arq workers, Sinatra 4 on Puma, Go Kratos on its std logfmt logger.
BLIND54 = [HAVERTHWAITE, HAWKSHEAD, HESKET]
# blind55: Sanic 23 on its default logging, Erlang/OTP 26 legacy reports, Mezzio + laminas-log.
BLIND55 = [INGLEBOROUGH, IRTHINGTON, IVEGILL]
# blind56: Go Fiber on zerolog (pkgerrors stacks), Scala 3 ZIO-HTTP on zio-logging, Vert.x on JUL.
BLIND56 = [JARROWFIELD, JEDBURGH, JERVAULX]
# blind57: Roda + Sequel on Puma (Ruby Logger), Remix v2 on Fly.io, Kotlin Spring Cloud Stream.
BLIND57 = [KIRKBRIDE, KIRKOSWALD, KNARESDALE]
# blind58: Next.js 14 on Vercel's log drain, NestJS on winston JSON, Django + django-structlog.
BLIND58 = [LORTON, LOWICK, LINDALE]
# blind59: Spring Boot 2.7 WAR on Tomcat 9 (log4j2), Go chi on slog text, Rails 7.1 + Sidekiq 7.
BLIND59 = [MICKLEDEN, MUNGRISDALE, MARTINDALE]
# blind60: Laravel 10 + Horizon on Forge (daily log), Flask/Gunicorn + RQ, ASP.NET 8 on NLog JSON.
BLIND60 = [NANTGARW, NETHERBY, NORBURY]
# blind61: Express 4 + Mongoose (pino-http), Django 4.2 verbose console, Spring Kafka logstash.
BLIND61 = [OMBERSLEY, OSMOTHERLEY, OUSBY]
# blind62: FastAPI on uvicorn's default logging, a Vite React SPA (Sentry, posthog-js), Gin on zap.
BLIND62 = [PEMBURY, PENTREATH, PITSMOOR]
# blind63: Rails 7.1 text logger + Sidekiq 7 text, .NET 8 on Serilog CLEF, Next.js 14 pages on k8s.
BLIND63 = [QUICKTHORN, QUARRENDON, QUOYNESS]
# blind64: FastAPI + Celery on loguru serialize=True via HEC, a Vite Vue 3 SPA, Echo on logrus JSON.
BLIND64 = [JUNIPERHOWE, JACKDAWMOSS, JESSAMYQUAY]
# blind65: Spring Boot 3.2 on log4j2 ECS JSON, Koa 2 on bunyan, React Native 0.74/Expo on Hermes.
BLIND65 = [NENTHEAD, NEWLANDS, NADDLE]
# blind66: .NET 8 minimal API + worker on MEL's JSON console, Symfony 7 on Monolog JSON, Angular 17.
BLIND66 = [ORMSIDE, OVERWATER, OUGHTERSIDE]
# blind67: Django 5/DRF + Celery on python-json-logger via the UF, Express 4 TS on winston, Flutter.
BLIND67 = [APPLETHWAITE, ARNSIDE, AYSGARTH]
# blind69: Spring Boot 3.1 on logback's console pattern + Kafka, Ktor 2 on logstash, Flask 3/RQ.
BLIND69 = [VALEWICK, VERDHOLM, VINTERLEY]
# blind71: Quarkus 3 on quarkus-logging-json, Gin on logrus' TextFormatter, SvelteKit 2 on Node.
BLIND71 = [IREBY, ISEL, INGMIRE]
# blind72: ASP.NET Core 8 on Serilog's text templates, FastAPI/arq on structlog console, lograge.
BLIND72 = [ROSTHWAITE, RAVENGLASS, RAMPSIDE]
# blind73: Flask 3 + Celery 5 on a team JSON formatter via HEC, Fastify 4 on pino, Kotlin Android.
BLIND73 = [ZENNOR, ZETLAND, ZOUCH]
# blind74: Spring Boot 3.4 WebFlux on Boot's ECS structured logs, chi on slog JSON, CRA React 18.
BLIND74 = [XANTHORPE, XENBURY, XYLERIGG]
# blind75: Rails 8 + Solid Queue on STDOUT, Symfony 6.4 on Monolog's LineFormatter, aiohttp 3.
BLIND75 = [VANTHOLME, VEXLEY, VARDENBY]
# blind76: Express 4 under PM2 --time via the Splunk UF, DRF on gunicorn's error log, Astro 4 SSR.
BLIND76 = [YARROWBY, YEADON, YARNCLIFFE]
# blind77: Spring Boot 3 on Splunk's HEC logback appender, a .NET 8 worker on Serilog JSON, go-kit.
BLIND77 = [UFFINGTON, ULLOCK, UNTHANK]
# blind78: WordPress 6.7 + WooCommerce on debug.log, Flask/Celery beat on basicConfig, Kotlin Boot.
BLIND78 = [ALLONBY, AMBLESIDE, ASKHAM]
# blind79: Express + Bull on console.* via Docker's Splunk driver, Laravel 11 JSON, Ionic/Capacitor.
BLIND79 = [GLARAMARA, GREENODD, GRASMERE]
# blind80: ASP.NET Core 8 on NLog's text layout, Django 4.2 on uWSGI's stderr, net/http + std log.
BLIND80 = [KESWICK, KETTLEWELL, KINNISIDE]
# blind81: Micronaut 4 on its generated logback pattern, Dramatiq workers, an Electron 30 app.
BLIND81 = [BLENCATHRA, BURNMOOR, BELLHOLLOW]
# blind82: Django 5 + Celery on Heroku (Logplex), NestJS 10 GraphQL on Nest's console, Nuxt 3 SPA.
BLIND82 = [HACKTHORPE, HARTSOP, HAWESWATER]
# blind83: Spring Boot 2.7 + Spring Batch on log4j2's %xEx, Rails 7.0 + GoodJob on Heroku, Lambda.
BLIND83 = [LUNEBECK, LANGSTRATH, LOWESWATER]
# blind84: Go gRPC-gateway on zap JSON via the OTel collector, Blazor Server on MEL, loguru.
BLIND84 = [MATTERDALE, MARDALE, MIDDLEFELL]
# blind85: WebFlux on LogstashEncoder via Splunk HEC, Angular 17 on esbuild, FastAPI on structlog.
BLIND85 = [GARSDALE, GATESGARTH, GLENRIDDING]
# blind86: Express 4 + Prisma on pino via the Splunk OTel collector, Laravel 11 + Horizon, iOS.
BLIND86 = [HEBDEN, HELVELLYN, HOLMROOK]
# blind87: Django 4.2/DRF + Celery on python-json-logger via Fluent Bit, Gin on logrus, RN/Expo.
BLIND87 = [KILDWICK, KIRKHAUGH, KELDHOLME]
# blind88: ASP.NET Core 8 on Serilog's Splunk HEC sink, Next.js 14 on Vercel to Datadog, lograge.
BLIND88 = [LEVENS, LONGSLEDDALE, LAMPLUGH]
# blind89: Kotlin Spring Boot 3 + coroutines on logback via a UF, NestJS 10 + BullMQ, Flutter 3.
BLIND89 = [MOSSTHWAITE, MELLBREAK, MUNCASTER]
# blind90: Go chi + kafka-go on slog JSON via HEC, Symfony 7 Messenger on Monolog, Vue 3/Vite.
BLIND90 = [NUNNYKIRK, NATEBY, NINEBANKS]
# blind91: Flask 3 + RQ on stdlib text logs via a Splunk UF, Spring Boot 3.1 MVC, React 18/Vite.
BLIND91 = [OAKENCLOUGH, ORREST, OXENHOLME]
# blind92: Rails 7.1 + Sidekiq 7 on tagged text, ASP.NET Core 8 + Dapper on NLog, Android/R8.
BLIND92 = [PATTERDALE, PENRUDDOCK, PLUMPTON]
# blind93: echo + ent + Temporal on zerolog via HEC, Django 5/Celery on ECS awslogs, Next 13 pages.
BLIND93 = [RUSLAND, RAISBECK, RENWICK]
# blind94: Koa 2 + TypeORM + BullMQ on winston JSON, Django 4.1/uWSGI/Celery on rsyslog, CRA 5.
BLIND94 = [STAVELEY, SATTERTHWAITE, SEATHWAITE]
# blind96: Sinatra/Sequel/Sidekiq on stdlib Logger, .NET 6 gRPC + CoreWCF on log4net, SvelteKit.
BLIND96 = [WASDALE, WATENDLATH, WINSTER]
# blind97: AWS Lambda (Powertools, Node 20) via Firehose, Nuxt 3 on Nitro, arq on loguru text.
BLIND97 = [ALDINGHAM, ARKHOLME, AYSIDE]
# blind98: Flask + Go zap on Cloud Run via the Splunk GCP add-on, Airflow 2.8 task logs, Ember 5.
BLIND98 = [BIRCHCOMBE, BLACKDOWN, BRAMHOPE]
# blind100: .NET 8 isolated Azure Functions on FunctionAppLogs, .NET MAUI 8, Django on App Service.
BLIND100 = [DELLBROOK, DORRINGTON, DAVENBY]
# blind101: Rails 7.1 + Sidekiq and Express on Heroku drains (syslog frames), SvelteKit static.
BLIND101 = [ELMSTEAD, EDGELEY, EASTWELL]
# blind102: axum 0.7 + sqlx on tracing JSON via Vector, a Tauri 2 app, Tornado 6 on stdlib text.
BLIND102 = [FAIRHAVEN, FERNHILL, FOXLEY]
# blind103: Boot 3.3 + grpc-go on OTLP logs via the Collector, Litestar on structlog Rich, Vite.
BLIND103 = [GOLDTHORPE, GREYFRIARS, GATEHOUSE]
# blind104: NestJS 10 and FastAPI/torch on ECS via FireLens (Splunk HEC, Datadog), Angular 17.
BLIND104 = [JOLLIFFE, JAYWICK, JESSOP]
# blind105: Laravel 10 on Vapor (CloudWatch) + Horizon on EC2, Go Fiber on zerolog, iOS SwiftUI.
BLIND105 = [QUAYFORD, QUINTON, QUENBY]
# blind106: Go chi/sqlx/NATS on zap via SCK (CRI), Next.js 14 App Router, Django 5 on gunicorn.
BLIND106 = [ZEALS, ZELAH, ZINCLANE]
# blind107: .NET 8 MassTransit + EF Core on Serilog CLEF, Blazor WASM, Fastify 4 on pino.
BLIND107 = [YELVERTON, YARDLEY, YARWOOD]
# blind108: Rails 7.1 + Sidekiq 7 and Micronaut 4 via the OTel Collector's filelog, Expo RN.
BLIND108 = [XELMOOR, XERWICK, XOLBURY]
# blind109: Spring Boot 3.2 and Celery 5 on EKS via Fluent Bit and CloudWatch, UIKit iOS.
BLIND109 = [INCHBROOK, IXWORTH, ILKLEY]
# blind110: Express on App Engine + Go Cloud Functions via Pub/Sub, Vue 2.7, FastAPI/loguru.
BLIND110 = [NORTHWOLD, NETHERCOTT, NEWBOLD]
# blind111: Symfony 6.4 on Monolog lines + syslog-ng RFC 3164, Django 5 on Render, Android.
BLIND111 = [OLDCASTLE, ONSLOW, OAKHURST]
# blind112: NestJS/BullMQ pino via Vector, Go slog on ECS via CloudWatch/Firehose, Flutter + shelf.
BLIND112 = [HALTCLIFFE, HINDLOW, HUTTONROOF]
# blind113: ASP.NET Core 8 on App Service via Event Hubs (Serilog CLEF), Phoenix on Fly, Angular 17.
BLIND113 = [MALMSBURY, MARRICK, MILLBROOK]
# blind114: FastAPI + Dramatiq on Cloud Run via Pub/Sub, Quarkus 3 on OpenShift, Sinatra on Heroku.
BLIND114 = [PORTINSCALE, PREESALL, POOLEY]
# blind115: Dropwizard 4 via Filebeat/Logstash to HEC, Python Lambda (Powertools), Nuxt 3 SSR.
BLIND115 = [KELSICK, KINMONT, KENTRIGG]
# blind116: Rails 7.1 + Sidekiq via Fluentd/Agent, grpc-go/connect-go on zap via GCP, RN Hermes.
BLIND116 = [REDMIRE, RILLINGTON, RUNSWICK]
# blind117: .NET 8 MassTransit on ECS via FireLens (NLog JSON), Koa on Azure Container Apps, Django.
BLIND117 = [WHINMOOR, WRELTON, WETHERAL]
# blind118: Akka HTTP on EKS via Fluent Bit (logback JSON), Laravel 11 on Forge via UF, Svelte 5.
BLIND118 = [SANDWICK, STAINMORE, SOCKBRIDGE]
# blind119: DRF/Celery on AKS via OTLP and the Collector, Gin/Temporal on Nomad via Vector, Ktor.
BLIND119 = [VELLACOTT, VENNBRIDGE, VOWHURST]
# blind120: WebFlux on Cloud Foundry (Loggregator), ASP.NET MVC/WCF on IIS (log4net, 3005), Unity.
BLIND120 = [UNDERBARROW, URSWICK, ULGHAM]
# blind121: Flask on Elastic Beanstalk via CloudWatch, Next.js 15 on Vercel drains, Micronaut/GKE.
BLIND121 = [DALLOWGILL, DEARHAM, DUNMALLET]
# blind122: .NET 8 isolated Functions via App Insights/Event Hubs, Rails 8 on Kamal via Vector, KMP.
BLIND122 = [ECCLESFOLD, EDDERSIDE, EGLINGHAM]
# blind123: actix-web on tracing-bunyan via Fluentd, aiohttp/confluent-kafka on OpenShift, Electron.
BLIND123 = [GAMBLESBY, GOATHLAND, GREYSOUTHEN]
# blind124: Django/Celery on ECS via Firehose, Express/TypeScript on pino via OTel, iOS Swift.
BLIND124 = [JACKSDALE, JEVINGTON, JOHNBY]
# blind125: Spring Boot on AKS via ContainerLogV2/Event Hubs, Go zerolog via Fluent Bit, React.
BLIND125 = [QUERNMORE, QUEDGELEY, QUENDON]
# blind126: Symfony on Elastic Beanstalk via CloudWatch, Kotlin WebFlux on GKE via Pub/Sub, Android.
BLIND126 = [ZELSTON, ZETHMOOR, ZORBRIDGE]
# blind95: Boot 2.5 + MyBatis + Quartz on log4j2 ECS JSON via HEC, grpc-go on logrus text, Ionic.
BLIND95 = [TORPENHOW, TIRRIL, THURSBY]
# blind99: WordPress/WooCommerce on php-fpm + nginx, Magento 2.4 on Monolog, Slim 4 + jQuery.
BLIND99 = [CASTLERIGG, CLAUGHTON, CANTSFIELD]
# blind68: Rails 7.2 + Sidekiq 7 on rails_semantic_logger JSON, gorilla/mux on zap dev, Nuxt 3.
BLIND68 = [UPPERBY, ULPHA, ULDALE]
# blind70: NestJS 10 + BullMQ on nestjs-pino via HEC, Django 4.2 on stdlib text logs, iOS Swift.
BLIND70 = [YOCKENTHWAITE, YANWATH, YEALAND]
# blind48: CakePHP 5's error.log, a .NET 8 MassTransit worker on Serilog's console, Django on EB.
BLIND48 = [EQUINBECK, ERRINGDEN, ESTHWAITE]
# blind49: Phoenix on Bandit + Oban (Logger console), Akka 2.6's StdOutLogger, axum + tracing JSON.
BLIND49 = [ETTERBY, EUSEMERE, EVENWOOD]
# blind50: FastAPI/Celery on structlog (Rich, orjson), WebFlux + Reactor debug agent, Nest/pino.
BLIND50 = [WYTHBURN, KENTMERE, RYDAL]
# blind47: Express and Rails 6.1 + Delayed Job on Heroku (Logplex), Android/iOS + Firebase.
BLIND47 = [ENDMOOR, EAGLESFIELD_EO, ELSLACK]
# Written by a twenty-ninth outsider, without reading the grouping or mapping code.
BLIND29 = [LARCHHOLM, MIREFOOT, NETTLECOMBE]
# Written by a twenty-eighth outsider, without reading the grouping or mapping code.
BLIND28 = [KILNSEY, FELLBARROW, LINGMELL]


def write(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, separators=(",", ":"), ensure_ascii=False) + "\n")
    groups = {r["group"] for r in rows}
    near = {r["group"] for r in rows if "near-miss" in r["classes"]}
    companies = Counter(r["company"] for r in rows)
    print(
        f"{path.name}: {len(rows)} webhooks, {len(groups)} groups, "
        f"{len(near) // 2} near-miss pairs, by company {dict(sorted(companies.items()))}"
    )


def pairs_of(companies: list[Company]) -> dict[str, str]:
    return {b.id: b.pair for c in companies for b in c.bugs if b.pair}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--holdout", action="store_true", help="write webhooks-holdout.jsonl (companies d, e)"
    )
    which.add_argument(
        "--final", action="store_true", help="write webhooks-final.jsonl (companies f, g)"
    )
    which.add_argument(
        "--blind", action="store_true", help="write webhooks-blind.jsonl (companies h, i)"
    )
    which.add_argument(
        "--blind2", action="store_true", help="write webhooks-blind2.jsonl (companies j, k, l)"
    )
    which.add_argument(
        "--blind3", action="store_true", help="write webhooks-blind3.jsonl (companies m, n, o)"
    )
    which.add_argument(
        "--blind4", action="store_true", help="write webhooks-blind4.jsonl (companies p, q, r)"
    )
    which.add_argument(
        "--blind5", action="store_true", help="write webhooks-blind5.jsonl (companies s, t, u)"
    )
    which.add_argument(
        "--blind6", action="store_true", help="write webhooks-blind6.jsonl (companies v, w, x)"
    )
    which.add_argument(
        "--blind7", action="store_true", help="write webhooks-blind7.jsonl (companies x, y, z)"
    )
    which.add_argument(
        "--blind8", action="store_true", help="write webhooks-blind8.jsonl (companies aa, ab, ac)"
    )
    which.add_argument(
        "--blind9", action="store_true", help="write webhooks-blind9.jsonl (companies ad, ae, af)"
    )
    which.add_argument(
        "--blind10",
        action="store_true",
        help="write webhooks-blind10.jsonl (companies ag, ah, ai)",
    )
    which.add_argument(
        "--blind11",
        action="store_true",
        help="write webhooks-blind11.jsonl (companies aj, ak, al)",
    )
    which.add_argument(
        "--blind12",
        action="store_true",
        help="write webhooks-blind12.jsonl (companies am, an, ao)",
    )
    which.add_argument(
        "--blind13",
        action="store_true",
        help="write webhooks-blind13.jsonl (companies ap, aq, ar)",
    )
    which.add_argument(
        "--blind14",
        action="store_true",
        help="write webhooks-blind14.jsonl (companies as, at, au)",
    )
    which.add_argument(
        "--blind15",
        action="store_true",
        help="write webhooks-blind15.jsonl (companies av, aw, ax)",
    )
    which.add_argument(
        "--blind16",
        action="store_true",
        help="write webhooks-blind16.jsonl (companies ay, az, ba)",
    )
    which.add_argument(
        "--blind17",
        action="store_true",
        help="write webhooks-blind17.jsonl (companies bb, bc, bd)",
    )
    which.add_argument(
        "--blind18",
        action="store_true",
        help="write webhooks-blind18.jsonl (companies be, bf, bg)",
    )
    which.add_argument(
        "--blind19",
        action="store_true",
        help="write webhooks-blind19.jsonl (companies bh, bi, bj)",
    )
    which.add_argument(
        "--blind20",
        action="store_true",
        help="write webhooks-blind20.jsonl (companies bk, bl, bm)",
    )
    which.add_argument(
        "--blind21",
        action="store_true",
        help="write webhooks-blind21.jsonl (companies bn, bo, bp)",
    )
    which.add_argument(
        "--blind22",
        action="store_true",
        help="write webhooks-blind22.jsonl (companies bq, br, bs)",
    )
    which.add_argument(
        "--blind24",
        action="store_true",
        help="write webhooks-blind24.jsonl (companies bw, bx, by)",
    )
    which.add_argument(
        "--blind23",
        action="store_true",
        help="write webhooks-blind23.jsonl (companies bt, bu, bv)",
    )
    which.add_argument(
        "--blind25",
        action="store_true",
        help="write webhooks-blind25.jsonl (companies bz, ca, cb)",
    )
    which.add_argument(
        "--blind27",
        action="store_true",
        help="write webhooks-blind27.jsonl (companies cf, cg, ch)",
    )
    which.add_argument(
        "--blind26",
        action="store_true",
        help="write webhooks-blind26.jsonl (companies cc, cd, ce)",
    )
    which.add_argument(
        "--blind31",
        action="store_true",
        help="write webhooks-blind31.jsonl (companies cr, cs, ct)",
    )
    which.add_argument(
        "--blind35",
        action="store_true",
        help="write webhooks-blind35.jsonl (companies dd, de, df)",
    )
    which.add_argument(
        "--blind33",
        action="store_true",
        help="write webhooks-blind33.jsonl (companies cx, cy, cz)",
    )
    which.add_argument(
        "--blind34",
        action="store_true",
        help="write webhooks-blind34.jsonl (companies da, db, dc)",
    )
    which.add_argument(
        "--blind30",
        action="store_true",
        help="write webhooks-blind30.jsonl (companies co, cp, cq)",
    )
    which.add_argument(
        "--blind32",
        action="store_true",
        help="write webhooks-blind32.jsonl (companies cu, cv, cw)",
    )
    which.add_argument(
        "--blind29",
        action="store_true",
        help="write webhooks-blind29.jsonl (companies cl, cm, cn)",
    )
    which.add_argument(
        "--blind28",
        action="store_true",
        help="write webhooks-blind28.jsonl (companies ci, cj, ck)",
    )
    which.add_argument(
        "--blind36",
        action="store_true",
        help="write webhooks-blind36.jsonl (companies dg, dh, di)",
    )
    which.add_argument(
        "--blind37",
        action="store_true",
        help="write webhooks-blind37.jsonl (companies dj, dk, dl)",
    )
    which.add_argument(
        "--blind38",
        action="store_true",
        help="write webhooks-blind38.jsonl (companies dm, dn, do)",
    )
    which.add_argument(
        "--blind39",
        action="store_true",
        help="write webhooks-blind39.jsonl (companies dp, dq, dr)",
    )
    which.add_argument(
        "--blind40",
        action="store_true",
        help="write webhooks-blind40.jsonl (companies ds, dt, du)",
    )
    which.add_argument(
        "--blind41",
        action="store_true",
        help="write webhooks-blind41.jsonl (companies dv, dw, dx)",
    )
    which.add_argument(
        "--blind42",
        action="store_true",
        help="write webhooks-blind42.jsonl (companies dy, dz, ea)",
    )
    which.add_argument(
        "--blind43",
        action="store_true",
        help="write webhooks-blind43.jsonl (companies eb, ec, ed)",
    )
    which.add_argument(
        "--blind44",
        action="store_true",
        help="write webhooks-blind44.jsonl (companies ee, ef, eg)",
    )
    which.add_argument(
        "--blind45",
        action="store_true",
        help="write webhooks-blind45.jsonl (companies eh, ei, ej)",
    )
    which.add_argument(
        "--blind46",
        action="store_true",
        help="write webhooks-blind46.jsonl (companies ek, el, em)",
    )
    which.add_argument(
        "--blind53",
        action="store_true",
        help="write webhooks-blind53.jsonl (companies ff, fg, fh)",
    )
    which.add_argument(
        "--blind51",
        action="store_true",
        help="write webhooks-blind51.jsonl (companies ez, fa, fb)",
    )
    which.add_argument(
        "--blind52",
        action="store_true",
        help="write webhooks-blind52.jsonl (companies fc, fd, fe)",
    )
    which.add_argument(
        "--blind54",
        action="store_true",
        help="write webhooks-blind54.jsonl (companies fi, fj, fk)",
    )
    which.add_argument(
        "--blind55",
        action="store_true",
        help="write webhooks-blind55.jsonl (companies fl, fm, fn)",
    )
    which.add_argument(
        "--blind56",
        action="store_true",
        help="write webhooks-blind56.jsonl (companies fo, fp, fq)",
    )
    which.add_argument(
        "--blind57",
        action="store_true",
        help="write webhooks-blind57.jsonl (companies fr, fs, ft)",
    )
    which.add_argument(
        "--blind58",
        action="store_true",
        help="write webhooks-blind58.jsonl (companies fu, fv, fw)",
    )
    which.add_argument(
        "--blind59",
        action="store_true",
        help="write webhooks-blind59.jsonl (companies fx, fy, fz)",
    )
    which.add_argument(
        "--blind60",
        action="store_true",
        help="write webhooks-blind60.jsonl (companies ga, gb, gc)",
    )
    which.add_argument(
        "--blind61",
        action="store_true",
        help="write webhooks-blind61.jsonl (companies gd, ge, gf)",
    )
    which.add_argument(
        "--blind62",
        action="store_true",
        help="write webhooks-blind62.jsonl (companies gg, gh, gi)",
    )
    which.add_argument(
        "--blind63",
        action="store_true",
        help="write webhooks-blind63.jsonl (companies gj, gk, gl)",
    )
    which.add_argument(
        "--blind64",
        action="store_true",
        help="write webhooks-blind64.jsonl (companies gm, gn, go)",
    )
    which.add_argument(
        "--blind65",
        action="store_true",
        help="write webhooks-blind65.jsonl (companies gp, gq, gr)",
    )
    which.add_argument(
        "--blind66",
        action="store_true",
        help="write webhooks-blind66.jsonl (companies gs, gt, gu)",
    )
    which.add_argument(
        "--blind67",
        action="store_true",
        help="write webhooks-blind67.jsonl (companies gv, gw, gx)",
    )
    which.add_argument(
        "--blind69",
        action="store_true",
        help="write webhooks-blind69.jsonl (companies hb, hc, hd)",
    )
    which.add_argument(
        "--blind71",
        action="store_true",
        help="write webhooks-blind71.jsonl (companies hh, hi, hj)",
    )
    which.add_argument(
        "--blind72",
        action="store_true",
        help="write webhooks-blind72.jsonl (companies hk, hl, hm)",
    )
    which.add_argument(
        "--blind73",
        action="store_true",
        help="write webhooks-blind73.jsonl (companies hn, ho, hp)",
    )
    which.add_argument(
        "--blind74",
        action="store_true",
        help="write webhooks-blind74.jsonl (companies hq, hr, hs)",
    )
    which.add_argument(
        "--blind75",
        action="store_true",
        help="write webhooks-blind75.jsonl (companies ht, hu, hv)",
    )
    which.add_argument(
        "--blind76",
        action="store_true",
        help="write webhooks-blind76.jsonl (companies hw, hx, hy)",
    )
    which.add_argument(
        "--blind77",
        action="store_true",
        help="write webhooks-blind77.jsonl (companies hz, ia, ib)",
    )
    which.add_argument(
        "--blind78",
        action="store_true",
        help="write webhooks-blind78.jsonl (companies ic, id, ie)",
    )
    which.add_argument(
        "--blind79",
        action="store_true",
        help="write webhooks-blind79.jsonl (companies if, ig, ih)",
    )
    which.add_argument(
        "--blind80",
        action="store_true",
        help="write webhooks-blind80.jsonl (companies ii, ij, ik)",
    )
    which.add_argument(
        "--blind81",
        action="store_true",
        help="write webhooks-blind81.jsonl (companies il, im, in)",
    )
    which.add_argument(
        "--blind82",
        action="store_true",
        help="write webhooks-blind82.jsonl (companies io, ip, iq)",
    )
    which.add_argument(
        "--blind83",
        action="store_true",
        help="write webhooks-blind83.jsonl (companies ir, is, it)",
    )
    which.add_argument(
        "--blind84",
        action="store_true",
        help="write webhooks-blind84.jsonl (companies iu, iv, iw)",
    )
    which.add_argument(
        "--blind85",
        action="store_true",
        help="write webhooks-blind85.jsonl (companies ix, iy, iz)",
    )
    which.add_argument(
        "--blind86",
        action="store_true",
        help="write webhooks-blind86.jsonl (companies ja, jb, jc)",
    )
    which.add_argument(
        "--blind87",
        action="store_true",
        help="write webhooks-blind87.jsonl (companies jd, je, jf)",
    )
    which.add_argument(
        "--blind88",
        action="store_true",
        help="write webhooks-blind88.jsonl (companies jg, jh, ji)",
    )
    which.add_argument(
        "--blind89",
        action="store_true",
        help="write webhooks-blind89.jsonl (companies jj, jk, jl)",
    )
    which.add_argument(
        "--blind90",
        action="store_true",
        help="write webhooks-blind90.jsonl (companies jm, jn, jo)",
    )
    which.add_argument(
        "--blind91",
        action="store_true",
        help="write webhooks-blind91.jsonl (companies jp, jq, jr)",
    )
    which.add_argument(
        "--blind92",
        action="store_true",
        help="write webhooks-blind92.jsonl (companies js, jt, ju)",
    )
    which.add_argument(
        "--blind93",
        action="store_true",
        help="write webhooks-blind93.jsonl (companies jv, jw, jx)",
    )
    which.add_argument(
        "--blind94",
        action="store_true",
        help="write webhooks-blind94.jsonl (companies jy, jz, ka)",
    )
    which.add_argument(
        "--blind97",
        action="store_true",
        help="write webhooks-blind97.jsonl (companies kh, ki, kj)",
    )
    which.add_argument(
        "--blind100",
        action="store_true",
        help="write webhooks-blind100.jsonl (companies kq, kr, ks)",
    )
    which.add_argument(
        "--blind101",
        action="store_true",
        help="write webhooks-blind101.jsonl (companies kt, ku, kv)",
    )
    which.add_argument(
        "--blind96",
        action="store_true",
        help="write webhooks-blind96.jsonl (companies ke, kf, kg)",
    )
    which.add_argument(
        "--blind98",
        action="store_true",
        help="write webhooks-blind98.jsonl (companies kk, kl, km)",
    )
    which.add_argument(
        "--blind102",
        action="store_true",
        help="write webhooks-blind102.jsonl (companies kw, kx, ky)",
    )
    which.add_argument(
        "--blind103",
        action="store_true",
        help="write webhooks-blind103.jsonl (companies kz, la, lb)",
    )
    which.add_argument(
        "--blind104",
        action="store_true",
        help="write webhooks-blind104.jsonl (companies lc, ld, le)",
    )
    which.add_argument(
        "--blind105",
        action="store_true",
        help="write webhooks-blind105.jsonl (companies lf, lg, lh)",
    )
    which.add_argument(
        "--blind106",
        action="store_true",
        help="write webhooks-blind106.jsonl (companies li, lj, lk)",
    )
    which.add_argument(
        "--blind107",
        action="store_true",
        help="write webhooks-blind107.jsonl (companies ll, lm, ln)",
    )
    which.add_argument(
        "--blind108",
        action="store_true",
        help="write webhooks-blind108.jsonl (companies lo, lp, lq)",
    )
    which.add_argument(
        "--blind109",
        action="store_true",
        help="write webhooks-blind109.jsonl (companies lr, ls, lt)",
    )
    which.add_argument(
        "--blind110",
        action="store_true",
        help="write webhooks-blind110.jsonl (companies lu, lv, lw)",
    )
    which.add_argument(
        "--blind111",
        action="store_true",
        help="write webhooks-blind111.jsonl (companies lx, ly, lz)",
    )
    which.add_argument(
        "--blind112",
        action="store_true",
        help="write webhooks-blind112.jsonl (companies ma, mb, mc)",
    )
    which.add_argument(
        "--blind113",
        action="store_true",
        help="write webhooks-blind113.jsonl (companies md, me, mf)",
    )
    which.add_argument(
        "--blind114",
        action="store_true",
        help="write webhooks-blind114.jsonl (companies mg, mh, mi)",
    )
    which.add_argument(
        "--blind115",
        action="store_true",
        help="write webhooks-blind115.jsonl (companies mj, mk, ml)",
    )
    which.add_argument(
        "--blind116",
        action="store_true",
        help="write webhooks-blind116.jsonl (companies mm, mn, mo)",
    )
    which.add_argument(
        "--blind117",
        action="store_true",
        help="write webhooks-blind117.jsonl (companies mp, mq, mr)",
    )
    which.add_argument(
        "--blind118",
        action="store_true",
        help="write webhooks-blind118.jsonl (companies ms, mt, mu)",
    )
    which.add_argument(
        "--blind119",
        action="store_true",
        help="write webhooks-blind119.jsonl (companies mv, mw, mx)",
    )
    which.add_argument(
        "--blind120",
        action="store_true",
        help="write webhooks-blind120.jsonl (companies my, mz, na)",
    )
    which.add_argument(
        "--blind121",
        action="store_true",
        help="write webhooks-blind121.jsonl (companies nb, nc, nd)",
    )
    which.add_argument(
        "--blind122",
        action="store_true",
        help="write webhooks-blind122.jsonl (companies ne, nf, ng)",
    )
    which.add_argument(
        "--blind123",
        action="store_true",
        help="write webhooks-blind123.jsonl (companies nh, ni, nj)",
    )
    which.add_argument(
        "--blind124",
        action="store_true",
        help="write webhooks-blind124.jsonl (companies nk, nl, nm)",
    )
    which.add_argument(
        "--blind125",
        action="store_true",
        help="write webhooks-blind125.jsonl (companies nn, no, np)",
    )
    which.add_argument(
        "--blind126",
        action="store_true",
        help="write webhooks-blind126.jsonl (companies nq, nr, ns)",
    )
    which.add_argument(
        "--blind95",
        action="store_true",
        help="write webhooks-blind95.jsonl (companies kb, kc, kd)",
    )
    which.add_argument(
        "--blind99",
        action="store_true",
        help="write webhooks-blind99.jsonl (companies kn, ko, kp)",
    )
    which.add_argument(
        "--blind68",
        action="store_true",
        help="write webhooks-blind68.jsonl (companies gy, gz, ha)",
    )
    which.add_argument(
        "--blind70",
        action="store_true",
        help="write webhooks-blind70.jsonl (companies he, hf, hg)",
    )
    which.add_argument(
        "--blind48",
        action="store_true",
        help="write webhooks-blind48.jsonl (companies eq, er, es)",
    )
    which.add_argument(
        "--blind47",
        action="store_true",
        help="write webhooks-blind47.jsonl (companies en, eo, ep)",
    )
    which.add_argument(
        "--blind49",
        action="store_true",
        help="write webhooks-blind49.jsonl (companies et, eu, ev)",
    )
    which.add_argument(
        "--blind50",
        action="store_true",
        help="write webhooks-blind50.jsonl (companies ew, ex, ey)",
    )
    args = parser.parse_args(argv)
    if args.blind49:
        write(HERE / "webhooks-blind49.jsonl", build_rows(BLIND49))
        return 0
    if args.blind50:
        write(HERE / "webhooks-blind50.jsonl", build_rows(BLIND50))
        return 0
    if args.blind47:
        write(HERE / "webhooks-blind47.jsonl", build_rows(BLIND47))
        return 0
    if args.blind48:
        write(HERE / "webhooks-blind48.jsonl", build_rows(BLIND48))
        return 0
    if args.blind51:
        write(HERE / "webhooks-blind51.jsonl", build_rows(BLIND51))
        return 0
    if args.blind52:
        write(HERE / "webhooks-blind52.jsonl", build_rows(BLIND52))
        return 0
    if args.blind53:
        write(HERE / "webhooks-blind53.jsonl", build_rows(BLIND53))
        return 0
    if args.blind54:
        write(HERE / "webhooks-blind54.jsonl", build_rows(BLIND54))
        return 0
    if args.blind55:
        write(HERE / "webhooks-blind55.jsonl", build_rows(BLIND55))
        return 0
    if args.blind56:
        write(HERE / "webhooks-blind56.jsonl", build_rows(BLIND56))
        return 0
    if args.blind57:
        write(HERE / "webhooks-blind57.jsonl", build_rows(BLIND57))
        return 0
    if args.blind58:
        write(HERE / "webhooks-blind58.jsonl", build_rows(BLIND58))
        return 0
    if args.blind59:
        write(HERE / "webhooks-blind59.jsonl", build_rows(BLIND59))
        return 0
    if args.blind60:
        write(HERE / "webhooks-blind60.jsonl", build_rows(BLIND60))
        return 0
    if args.blind61:
        write(HERE / "webhooks-blind61.jsonl", build_rows(BLIND61))
        return 0
    if args.blind62:
        write(HERE / "webhooks-blind62.jsonl", build_rows(BLIND62))
        return 0
    if args.blind63:
        write(HERE / "webhooks-blind63.jsonl", build_rows(BLIND63))
        return 0
    if args.blind64:
        write(HERE / "webhooks-blind64.jsonl", build_rows(BLIND64))
        return 0
    if args.blind65:
        write(HERE / "webhooks-blind65.jsonl", build_rows(BLIND65))
        return 0
    if args.blind66:
        write(HERE / "webhooks-blind66.jsonl", build_rows(BLIND66))
        return 0
    if args.blind67:
        write(HERE / "webhooks-blind67.jsonl", build_rows(BLIND67))
        return 0
    if args.blind69:
        write(HERE / "webhooks-blind69.jsonl", build_rows(BLIND69))
        return 0
    if args.blind72:
        write(HERE / "webhooks-blind72.jsonl", build_rows(BLIND72))
        return 0
    if args.blind73:
        write(HERE / "webhooks-blind73.jsonl", build_rows(BLIND73))
        return 0
    if args.blind74:
        write(HERE / "webhooks-blind74.jsonl", build_rows(BLIND74))
        return 0
    if args.blind75:
        write(HERE / "webhooks-blind75.jsonl", build_rows(BLIND75))
        return 0
    if args.blind76:
        write(HERE / "webhooks-blind76.jsonl", build_rows(BLIND76))
        return 0
    if args.blind77:
        write(HERE / "webhooks-blind77.jsonl", build_rows(BLIND77))
        return 0
    if args.blind78:
        write(HERE / "webhooks-blind78.jsonl", build_rows(BLIND78))
        return 0
    if args.blind79:
        write(HERE / "webhooks-blind79.jsonl", build_rows(BLIND79))
        return 0
    if args.blind80:
        write(HERE / "webhooks-blind80.jsonl", build_rows(BLIND80))
        return 0
    if args.blind81:
        write(HERE / "webhooks-blind81.jsonl", build_rows(BLIND81))
        return 0
    if args.blind82:
        write(HERE / "webhooks-blind82.jsonl", build_rows(BLIND82))
        return 0
    if args.blind83:
        write(HERE / "webhooks-blind83.jsonl", build_rows(BLIND83))
        return 0
    if args.blind84:
        write(HERE / "webhooks-blind84.jsonl", build_rows(BLIND84))
        return 0
    if args.blind85:
        write(HERE / "webhooks-blind85.jsonl", build_rows(BLIND85))
        return 0
    if args.blind86:
        write(HERE / "webhooks-blind86.jsonl", build_rows(BLIND86))
        return 0
    if args.blind87:
        write(HERE / "webhooks-blind87.jsonl", build_rows(BLIND87))
        return 0
    if args.blind88:
        write(HERE / "webhooks-blind88.jsonl", build_rows(BLIND88))
        return 0
    if args.blind89:
        write(HERE / "webhooks-blind89.jsonl", build_rows(BLIND89))
        return 0
    if args.blind90:
        write(HERE / "webhooks-blind90.jsonl", build_rows(BLIND90))
        return 0
    if args.blind91:
        write(HERE / "webhooks-blind91.jsonl", build_rows(BLIND91))
        return 0
    if args.blind92:
        write(HERE / "webhooks-blind92.jsonl", build_rows(BLIND92))
        return 0
    if args.blind93:
        write(HERE / "webhooks-blind93.jsonl", build_rows(BLIND93))
        return 0
    if args.blind94:
        write(HERE / "webhooks-blind94.jsonl", build_rows(BLIND94))
        return 0
    if args.blind96:
        write(HERE / "webhooks-blind96.jsonl", build_rows(BLIND96))
        return 0
    if args.blind97:
        write(HERE / "webhooks-blind97.jsonl", build_rows(BLIND97))
        return 0
    if args.blind100:
        write(HERE / "webhooks-blind100.jsonl", build_rows(BLIND100))
        return 0
    if args.blind101:
        write(HERE / "webhooks-blind101.jsonl", build_rows(BLIND101))
        return 0
    if args.blind102:
        write(HERE / "webhooks-blind102.jsonl", build_rows(BLIND102))
        return 0
    if args.blind103:
        write(HERE / "webhooks-blind103.jsonl", build_rows(BLIND103))
        return 0
    if args.blind104:
        write(HERE / "webhooks-blind104.jsonl", build_rows(BLIND104))
        return 0
    if args.blind105:
        write(HERE / "webhooks-blind105.jsonl", build_rows(BLIND105))
        return 0
    if args.blind106:
        write(HERE / "webhooks-blind106.jsonl", build_rows(BLIND106))
        return 0
    if args.blind107:
        write(HERE / "webhooks-blind107.jsonl", build_rows(BLIND107))
        return 0
    if args.blind108:
        write(HERE / "webhooks-blind108.jsonl", build_rows(BLIND108))
        return 0
    if args.blind109:
        write(HERE / "webhooks-blind109.jsonl", build_rows(BLIND109))
        return 0
    if args.blind110:
        write(HERE / "webhooks-blind110.jsonl", build_rows(BLIND110))
        return 0
    if args.blind111:
        write(HERE / "webhooks-blind111.jsonl", build_rows(BLIND111))
        return 0
    if args.blind112:
        write(HERE / "webhooks-blind112.jsonl", build_rows(BLIND112))
        return 0
    if args.blind113:
        write(HERE / "webhooks-blind113.jsonl", build_rows(BLIND113))
        return 0
    if args.blind114:
        write(HERE / "webhooks-blind114.jsonl", build_rows(BLIND114))
        return 0
    if args.blind115:
        write(HERE / "webhooks-blind115.jsonl", build_rows(BLIND115))
        return 0
    if args.blind116:
        write(HERE / "webhooks-blind116.jsonl", build_rows(BLIND116))
        return 0
    if args.blind117:
        write(HERE / "webhooks-blind117.jsonl", build_rows(BLIND117))
        return 0
    if args.blind118:
        write(HERE / "webhooks-blind118.jsonl", build_rows(BLIND118))
        return 0
    if args.blind119:
        write(HERE / "webhooks-blind119.jsonl", build_rows(BLIND119))
        return 0
    if args.blind120:
        write(HERE / "webhooks-blind120.jsonl", build_rows(BLIND120))
        return 0
    if args.blind121:
        write(HERE / "webhooks-blind121.jsonl", build_rows(BLIND121))
        return 0
    if args.blind122:
        write(HERE / "webhooks-blind122.jsonl", build_rows(BLIND122))
        return 0
    if args.blind123:
        write(HERE / "webhooks-blind123.jsonl", build_rows(BLIND123))
        return 0
    if args.blind124:
        write(HERE / "webhooks-blind124.jsonl", build_rows(BLIND124))
        return 0
    if args.blind125:
        write(HERE / "webhooks-blind125.jsonl", build_rows(BLIND125))
        return 0
    if args.blind126:
        write(HERE / "webhooks-blind126.jsonl", build_rows(BLIND126))
        return 0
    if args.blind95:
        write(HERE / "webhooks-blind95.jsonl", build_rows(BLIND95))
        return 0
    if args.blind98:
        write(HERE / "webhooks-blind98.jsonl", build_rows(BLIND98))
        return 0
    if args.blind99:
        write(HERE / "webhooks-blind99.jsonl", build_rows(BLIND99))
        return 0
    if args.blind68:
        write(HERE / "webhooks-blind68.jsonl", build_rows(BLIND68))
        return 0
    if args.blind71:
        write(HERE / "webhooks-blind71.jsonl", build_rows(BLIND71))
        return 0
    if args.blind70:
        write(HERE / "webhooks-blind70.jsonl", build_rows(BLIND70))
        return 0
    if args.blind46:
        write(HERE / "webhooks-blind46.jsonl", build_rows(BLIND46))
        return 0
    if args.blind45:
        write(HERE / "webhooks-blind45.jsonl", build_rows(BLIND45))
        return 0
    if args.blind44:
        write(HERE / "webhooks-blind44.jsonl", build_rows(BLIND44))
        return 0
    if args.blind43:
        write(HERE / "webhooks-blind43.jsonl", build_rows(BLIND43))
        return 0
    if args.blind42:
        write(HERE / "webhooks-blind42.jsonl", build_rows(BLIND42))
        return 0
    if args.blind40:
        write(HERE / "webhooks-blind40.jsonl", build_rows(BLIND40))
        return 0
    if args.blind39:
        write(HERE / "webhooks-blind39.jsonl", build_rows(BLIND39))
        return 0
    if args.blind41:
        write(HERE / "webhooks-blind41.jsonl", build_rows(BLIND41))
        return 0
    if args.blind38:
        write(HERE / "webhooks-blind38.jsonl", build_rows(BLIND38))
        return 0
    if args.blind37:
        write(HERE / "webhooks-blind37.jsonl", build_rows(BLIND37))
        return 0
    if args.blind36:
        write(HERE / "webhooks-blind36.jsonl", build_rows(BLIND36))
        return 0
    if args.blind28:
        write(HERE / "webhooks-blind28.jsonl", build_rows(BLIND28))
        return 0
    if args.blind29:
        write(HERE / "webhooks-blind29.jsonl", build_rows(BLIND29))
        return 0
    if args.blind32:
        write(HERE / "webhooks-blind32.jsonl", build_rows(BLIND32))
        return 0
    if args.blind30:
        write(HERE / "webhooks-blind30.jsonl", build_rows(BLIND30))
        return 0
    if args.blind31:
        write(HERE / "webhooks-blind31.jsonl", build_rows(BLIND31))
        return 0
    if args.blind33:
        write(HERE / "webhooks-blind33.jsonl", build_rows(BLIND33))
        return 0
    if args.blind34:
        write(HERE / "webhooks-blind34.jsonl", build_rows(BLIND34))
        return 0
    if args.blind35:
        write(HERE / "webhooks-blind35.jsonl", build_rows(BLIND35))
        return 0
    if args.blind26:
        write(HERE / "webhooks-blind26.jsonl", build_rows(BLIND26))
        return 0
    if args.blind27:
        write(HERE / "webhooks-blind27.jsonl", build_rows(BLIND27))
        return 0
    if args.blind25:
        write(HERE / "webhooks-blind25.jsonl", build_rows(BLIND25))
        return 0
    if args.blind24:
        write(HERE / "webhooks-blind24.jsonl", build_rows(BLIND24))
        return 0
    if args.blind23:
        write(HERE / "webhooks-blind23.jsonl", build_rows(BLIND23))
        return 0
    if args.blind22:
        write(HERE / "webhooks-blind22.jsonl", build_rows(BLIND22))
        return 0
    if args.blind21:
        write(HERE / "webhooks-blind21.jsonl", build_rows(BLIND21))
        return 0
    if args.blind20:
        write(HERE / "webhooks-blind20.jsonl", build_rows(BLIND20))
        return 0
    if args.blind19:
        write(HERE / "webhooks-blind19.jsonl", build_rows(BLIND19))
        return 0
    if args.blind18:
        write(HERE / "webhooks-blind18.jsonl", build_rows(BLIND18))
        return 0
    if args.blind17:
        write(HERE / "webhooks-blind17.jsonl", build_rows(BLIND17))
        return 0
    if args.blind16:
        write(HERE / "webhooks-blind16.jsonl", build_rows(BLIND16))
        return 0
    if args.blind15:
        write(HERE / "webhooks-blind15.jsonl", build_rows(BLIND15))
        return 0
    if args.blind14:
        write(HERE / "webhooks-blind14.jsonl", build_rows(BLIND14))
        return 0
    if args.blind13:
        write(HERE / "webhooks-blind13.jsonl", build_rows(BLIND13))
        return 0
    if args.blind12:
        write(HERE / "webhooks-blind12.jsonl", build_rows(BLIND12))
        return 0
    if args.blind11:
        write(HERE / "webhooks-blind11.jsonl", build_rows(BLIND11))
        return 0
    if args.blind10:
        write(HERE / "webhooks-blind10.jsonl", build_rows(BLIND10))
        return 0
    if args.blind8:
        write(HERE / "webhooks-blind8.jsonl", build_rows(BLIND8))
        return 0
    if args.blind9:
        write(HERE / "webhooks-blind9.jsonl", build_rows(BLIND9))
        return 0
    if args.blind6:
        write(HERE / "webhooks-blind6.jsonl", build_rows(BLIND6))
        return 0
    if args.blind7:
        write(HERE / "webhooks-blind7.jsonl", build_rows(BLIND7))
        return 0
    if args.blind5:
        write(HERE / "webhooks-blind5.jsonl", build_rows(BLIND5))
        return 0
    if args.blind4:
        write(HERE / "webhooks-blind4.jsonl", build_rows(BLIND4))
        return 0
    if args.blind3:
        write(HERE / "webhooks-blind3.jsonl", build_rows(BLIND3))
        return 0
    if args.blind2:
        write(HERE / "webhooks-blind2.jsonl", build_rows(BLIND2))
        return 0
    if args.blind:
        write(HERE / "webhooks-blind.jsonl", build_rows(BLIND))
        return 0
    if args.holdout:
        write(HERE / "webhooks-holdout.jsonl", build_rows(HOLDOUT))
        return 0
    if args.final:
        write(HERE / "webhooks-final.jsonl", build_rows(FINAL))
        return 0
    rows = build_rows(COMPANIES)
    pairs = pairs_of(COMPANIES)
    for half, half_rows in split_rows(rows, pairs).items():
        write(HERE / f"webhooks-{half}.jsonl", half_rows)
    groups = {r["group"] for r in rows}
    print(f"total: {len(rows)} webhooks, {len(groups)} groups, {len(pairs) // 2} near-miss pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
