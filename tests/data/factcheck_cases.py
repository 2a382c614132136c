"""Sample sentences for the fact-checker, right and wrong, with the flags each must give.

Each case is (sentence, set of topics that must be flagged).  An empty set means the sentence is
right, or cannot be judged from the data, and must get no flag.  Topics are the names in
exercises._factcheck.EVENT_PATTERNS, and "refugees from East Germany".
"""

WALL = "the building of the Berlin Wall"
KHRUSHCHEV = "Khrushchev's rise to power"
REFUGEES = "refugees from East Germany"
BAY = "the Bay of Pigs"
U2 = "the U-2 shot down over the USSR"
HOTLINE = "the hotline"

CASES = [
    # the Berlin Wall, in many date formats
    ("The Berlin Wall was built on 13 August 1961.", set()),
    ("The Berlin Wall was built on 13th August 1961.", set()),
    ("The Berlin Wall was built on August 13, 1961.", set()),
    ("The Berlin Wall went up on 13/8/61.", set()),
    ("East Germany began building the Wall in the summer of 1961.", set()),
    ("The Wall was put up in August 1961 to stop the flow of refugees.", set()),
    ("In 1961 the Berlin Wall was built.", set()),
    ("The Berlin Wall was built on 13 August 1962.", {WALL}),
    ("The Berlin Wall was built in 1948.", {WALL}),
    ("The Wall went up on 31/8/61.", {WALL}),
    ("The construction of the Berlin Wall began in the winter of 1960.", {WALL}),
    ("The Wall was erected in July 1961.", {WALL}),
    # Khrushchev coming to power
    ("During February 1956, a new leader took over the USSR, a man named Khrushchev.", {KHRUSHCHEV}),
    ("Khrushchev took over as leader in February 1956.", {KHRUSHCHEV}),
    ("Khrushchev came to power in 1956 and denounced Stalin.", {KHRUSHCHEV}),
    ("Khrushchev became First Secretary on 7 September 1953.", set()),
    ("Khrushchev became First Secretary in September 1953.", set()),
    ("Khrushchev became the leader of the USSR in 1953.", set()),
    ("Khrushchev became leader in 1960.", {KHRUSHCHEV}),
    # the Secret Speech
    ("Khrushchev gave his Secret Speech in February 1956.", set()),
    ("The Secret Speech was given on 25th February 1956.", set()),
    ("The Secret Speech of 1957 shocked the communist world.", {"the Secret Speech"}),
    # refugees
    ("Between 1948-60 250,000 had left the east to join the west.", {REFUGEES}),
    ("About 250,000 East Germans fled to the West between 1949 and 1960.", {REFUGEES}),
    ("Some 2.5 million East Germans left for the West between 1949 and 1960.", set()),
    ("About 2.7 million people fled East Germany between 1949 and 1961.", set()),
    ("By 1961 about 3 million refugees had left East Germany, a sixth of its people.", set()),
    ("In 1953 alone about 331,000 refugees left East Germany.", set()),
    ("In 1953 about 30,000 refugees left East Germany.", {REFUGEES}),
    ("Around 20 million East Germans escaped to the West in the 1950s.", {REFUGEES}),
    # the Bay of Pigs
    ("The Bay of Pigs invasion took place in April 1961.", set()),
    ("The Bay of Pigs landing began on 17 April 1961.", set()),
    ("The Bay of Pigs invasion happened in 1962.", {BAY}),
    ("The Bay of Pigs invasion took place on 17/4/1960.", {BAY}),
    # the U-2
    ("Gary Powers's U-2 was shot down on 1 May 1960.", set()),
    ("The U-2 incident in May 1960 wrecked the Paris summit.", set()),
    ("The U-2 was shot down over the Soviet Union in 1959.", {U2}),
    ("A U-2 flown by Gary Powers was shot down in May 1961.", {U2}),
    ("Major Anderson's U-2 was shot down over Cuba on 27 October 1962.", set()),
    # the hotline
    ("The hotline between Washington and Moscow was agreed in June 1963.", set()),
    ("A hot line was set up in 1963 to improve communication.", set()),
    ("The hotline was set up in October 1962, during the crisis.", {HOTLINE}),
    # other events
    ("The Warsaw Pact was signed in May 1955.", set()),
    ("The Warsaw Pact was formed in 1949.", {"the Warsaw Pact"}),
    ("West Germany joined NATO in May 1955.", set()),
    ("West Germany joined NATO in 1952.", {"West Germany joining NATO"}),
    ("The Hungarian uprising began on 23 October 1956.", set()),
    ("The Hungarian uprising of 1958 was crushed by Soviet tanks.", {"the Hungarian uprising"}),
    ("Sputnik was launched in October 1957.", set()),
    ("Sputnik was launched in 1958.", {"Sputnik"}),
    ("Stalin died in March 1953.", set()),
    ("Stalin died in 1954.", {"Stalin's death"}),
    ("The Korean War ended in 1953.", set()),
    ("The Cuban Missile Crisis lasted thirteen days in October 1962.", set()),
    ("The Cuban Missile Crisis took place in October 1961.", {"the Cuban Missile Crisis"}),
    ("Kennedy and Khrushchev met at the Vienna summit in June 1961.", set()),
    ("The Vienna summit in 1960 went badly for Kennedy.", {"the Vienna summit"}),
    ("The Paris summit collapsed in May 1960.", set()),
    ("Tanks faced each other at Checkpoint Charlie in October 1961.", set()),
    ("Tanks faced each other at Checkpoint Charlie in August 1961.", {"the stand-off at Checkpoint Charlie"}),
    ("The Test Ban Treaty was signed in August 1963.", set()),
    ("Castro took power in Cuba in January 1959.", set()),
    ("Castro came to power in 1961.", {"Castro taking power"}),
    ("Khrushchev issued his Berlin ultimatum in November 1958.", set()),
    # claims the checker must leave alone (no event, several events, no date)
    ("If he sealed off Berlin as Stalin had done in 1948 it may cause America to declare war.", set()),
    ("Berlin still remained a divided city ten years after the Berlin airlift.", set()),
    ("Relations got worse after 1956 until 1961.", set()),
    ("Kennedy was hailed as a hero who saved the world from nuclear war.", set()),
    ("Many defectors never returned to East Germany.", set()),
    ("The breakthrough came on 26th October when Khrushchev sent a private letter.", set()),
]
