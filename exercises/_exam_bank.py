"""The book's exam-style questions, declared once each, chapter by chapter.

Every fact in a model answer is told, with its source, in the chapter the question belongs to;
``cites`` names the bibliography keys the answers rely on.  See :mod:`exercises._exam`.
"""

from __future__ import annotations

from ._exam import ExamQuestion, ModelAnswer, register_exam

Q, M = ExamQuestion, ModelAnswer

# --- berlin ---------------------------------------------------------------------------------

register_exam(Q(
    "berlin-exam-wall-consequences", "berlin", "edexcel-consequences",
    "Explain two consequences of the building of the Berlin Wall in August 1961.",
    cites=("frus1961v14d104", "rytlewski1987refugees", "nsarchive2011wall", "frus1961v14d196"),
    models=(
        M(1, "The Berlin Wall was built in 1961. It stopped people going to the West. Relations stayed bad.",
          "It names a consequence (people stopped leaving) but does not explain it or support it, and the second point is too vague to count."),
        M(2, "One consequence was that East Germans could no longer escape to the West through Berlin. "
             "The border was closed on 13 August 1961 and the number of refugees fell.\n\n"
             "A second consequence was that the crisis over Berlin became less likely to turn into a war, "
             "because the West did not try to pull the Wall down.",
          "Two different consequences, each with a short explanation; but the support is thin (no figures) and the second does not say why the Wall eased the crisis."),
        M(3, "One consequence was that the flight of people from East Germany almost stopped. "
             "About 2.7 million people had left between 1949 and August 1961, most of them young workers, and this drained the GDR of labour. "
             "After the border was sealed on 13 August 1961 only about 21,000 registered as refugees in 1962, a tenth of the 1961 figure. "
             "So the Wall saved the East German state from collapse by locking its people in.\n\n"
             "A second consequence was that the acute crisis between the superpowers over Berlin eased. "
             "Khrushchev had stopped the flight without attacking West Berlin, and the Western powers kept their troops and their routes into the city, "
             "so they protested but did not try to pull the barriers down. "
             "In private, US officials such as Dean Rusk thought the Wall would steady East Germany and so calm the crisis. "
             "The tank stand-off at Checkpoint Charlie in October 1961 showed the danger was not over, but the Soviet tanks pulled back the next morning.",
          "Two distinct consequences, each explained (how the Wall led to the result) and backed by specific knowledge: dates, figures, names."),
    ),
))

register_exam(Q(
    "berlin-exam-account", "berlin", "aqa-account",
    "Write an account of how the flight of refugees through Berlin led to a crisis between the USA and the USSR in the years 1958–61.",
    cites=("ghdi1963refugees", "frus1958v08d72", "frus1958v08d507", "eisenhower1959campdavid", "frus1961v14d81", "frus1961v14d104"),
    models=(
        M(2, "Lots of East Germans escaped to West Berlin in the 1950s. Khrushchev did not like this and made an ultimatum in 1958. "
             "Later the Berlin Wall was built in 1961.",
          "It shows one link (the refugees worried Khrushchev), but the events are listed, not explained, and there is little detail."),
        M(3, "In the 1950s Berlin was the one open door in the Iron Curtain, and about 2.7 million people left East Germany between 1949 and 1961. "
             "Many were young workers, so the GDR was losing labour.\n\n"
             "To close the gap, Khrushchev sent a note on 27 November 1958 demanding that West Berlin become a free city within six months. "
             "The Western powers refused to leave, and the deadline was dropped after the Geneva talks and Camp David in 1959.\n\n"
             "At Vienna in June 1961 Khrushchev renewed the demand, and Kennedy answered on 25 July with a military build-up. "
             "On 13 August 1961 East Germany closed the border.",
          "A sequence of events, in order and with specific knowledge, each linked to the crisis; but the links between the steps are not always explained."),
        M(4, "The crisis began with the refugees. About 2.7 million people left East Germany for the West between 1949 and August 1961, most of them young and working. "
             "Because Berlin was the last open crossing, every departure weakened the GDR and embarrassed Khrushchev, its protector.\n\n"
             "This is why Khrushchev tried to change Berlin's status. "
             "His note of 27 November 1958 demanded a demilitarised free city within six months, or the USSR would hand its rights in Berlin to the GDR, which the West did not recognise. "
             "That threatened the Western powers' way into West Berlin, so the USA said at once that it would not abandon the city: the refugee problem had become a test of both superpowers' credibility.\n\n"
             "Talks only postponed the clash. The foreign ministers met at Geneva in 1959 without agreement, and after Camp David in September 1959 the deadline was quietly dropped. "
             "The Paris summit of May 1960, which was to discuss Berlin, collapsed over the U-2.\n\n"
             "Meanwhile the flight grew faster. At Vienna in June 1961 Khrushchev demanded a peace treaty and a free city again, and Kennedy replied on 25 July 1961 with more troops and civil defence, "
             "saying the USA would not be driven out of Berlin. Caught between the refugees and American resolve, the GDR sealed the border on 13 August 1961.",
          "A well-organised account that analyses a chain of connected events: each paragraph explains how one step led to the next and to the crisis, with precise knowledge."),
    ),
))

register_exam(Q(
    "berlin-exam-usefulness", "berlin", "aqa-usefulness",
    "How useful are Sources A and B to a historian studying why Berlin brought the superpowers close to war between 1958 and 1961?",
    sources=("Source A (the Soviet note of 27 November 1958)", "Source B (Kennedy's address of 25 July 1961)"),
    cites=("ussr1958berlinnote", "kennedy1961berlin", "frus1958v09grewe", "nsarchive2011wall"),
    models=(
        M(2, "Source A is useful because it shows the Soviet Union wanted West Berlin to be a free city. "
             "Source B is useful because Kennedy says the USA will not be driven out of Berlin.",
          "It says how each source is useful from its content, but does not use the provenance or the student's own knowledge."),
        M(3, "Source A is useful because it is the official Soviet note of November 1958. "
             "It shows the USSR demanding a demilitarised free city and threatening to end talks, which explains why the West felt threatened. "
             "As a government note to the USA it shows the official Soviet position.\n\n"
             "Source B is useful because it is Kennedy's broadcast of 25 July 1961, after Khrushchev renewed his demands at Vienna. "
             "Kennedy says the USA will not be driven out of Berlin, and he also announced a military build-up, so it shows how close the two sides came.",
          "Both content and provenance are used for each source, supported by knowledge of the time; but there is no judgement of how far each source can answer the enquiry."),
        M(4, "Both sources are useful because they show the public positions that made Berlin dangerous. "
             "Source A, the Soviet note of 27 November 1958, shows Khrushchev demanding a free city and saying there would be nothing left to negotiate if the USA refused. "
             "Because it was an official note handed to the US ambassador, it is strong evidence of the threat the West faced: a six-month deadline that could cut its access to West Berlin.\n\n"
             "Source B shows the American answer at the height of the crisis. "
             "Kennedy spoke on 25 July 1961, after Vienna, to the whole nation, and his words were aimed at Moscow as much as at Americans: the USA would stay whatever the pressure. "
             "It is useful for showing why neither side could back down in public.\n\n"
             "But both are public statements meant to impress the other side, so they show determination, not private doubts. "
             "Khrushchev quietly dropped his deadline after Camp David in 1959, and after 13 August 1961 US officials said in private that the Wall would ease the crisis. "
             "So the sources are most useful for why Berlin looked close to war, and less useful for how close the leaders really wanted to go.",
          "A judgement on how useful each source is for this enquiry, weighing content, provenance and context, and saying what the sources cannot show."),
    ),
))
